package org.heatgrid.control.service;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.loop.WeatherSource;
import org.heatgrid.site.Site;

/**
 * What an application that embeds the control service may supply instead of the configuration:
 * the site, the controller, the weather forecast and the loop's clock. The service's own default ({@link
 * DefaultRuntimeHooks}) supplies nothing: site from {@code heatgrid.site.file}, the baseline
 * heating curve, the wall clock or an accelerated one from {@code heatgrid.time.*}. Asked once,
 * at start-up. {@code heatgrid run} (module app) supplies them all.
 */
public interface RuntimeHooks {

  /** The site to control; empty: read {@code heatgrid.site.file}. */
  default Optional<Site> site() {
    return Optional.empty();
  }

  /** The controller for {@code site}; empty: the baseline heating curve. */
  default Optional<Controller> controller(Site site) {
    return Optional.empty();
  }

  /**
   * The site's heating curve, asked anew for every switch to it: what runs until a model bundle
   * is active, and the MPC's fallback; empty: the default curve.
   */
  default Optional<Supplier<Controller>> heatingCurve(Site site) {
    return Optional.empty();
  }

  /** The weather forecast source; empty: a persistence forecast of the gateways' outdoor readings. */
  default Optional<WeatherSource> weather() {
    return Optional.empty();
  }

  /**
   * The loop's clock; empty: from {@code heatgrid.time.*}. It must run {@code heatgrid.time.speed}
   * times faster than the wall clock, since the MQTT message expiry is scaled by that speed.
   */
  default Optional<Clock> clock() {
    return Optional.empty();
  }
}
