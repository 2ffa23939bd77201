package org.heatgrid.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.loop.WeatherSource;
import org.heatgrid.control.service.RuntimeHooks;
import org.heatgrid.site.Site;

/** The control service's site, controller and clock come from the run: the scenario's campus, its controller, simulated time. */
@ApplicationScoped
public class RunHooks implements RuntimeHooks {

  @Override
  public Optional<Site> site() {
    return RunContext.get().map(s -> s.plant().site());
  }

  @Override
  public Optional<Controller> controller(Site site) {
    return RunContext.get().flatMap(RunSetup::controller);
  }

  @Override
  public Optional<Supplier<Controller>> heatingCurve(Site site) {
    return RunContext.get().map(s -> s::heatingCurve);
  }

  @Override
  public Optional<WeatherSource> weather() {
    return RunContext.get().map(RunSetup::weather);
  }

  @Override
  public Optional<Clock> clock() {
    return RunContext.get().map(RunSetup::clock);
  }
}
