package org.heatgrid.app.fleet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.gateway.EdgeGateway;
import org.heatgrid.gateway.GatewayConfig;
import org.heatgrid.gateway.Substation;
import org.heatgrid.sim.run.Simulation;
import org.heatgrid.sim.scenario.Scenario;
import org.heatgrid.sim.scenario.ScenarioLoader;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.wire.BrokerUsers;
import org.heatgrid.wire.CredentialsFile;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A simulated site in place of real buildings, for {@code docker compose up} (the image {@code
 * heatgrid/virtual-site}): the scenario's campus on the simulator's plant, in real time (any date
 * maps onto the typical weather year), with one reference {@link EdgeGateway} per building on an
 * external broker. The control service runs elsewhere and sees only MQTT, as with real buildings.
 */
@CommandLine.Command(name = "virtual-site", mixinStandardHelpOptions = true,
    description = "A simulated campus with its edge gateways on an external MQTT broker, in real "
        + "time, for a control service to run against.")
public final class VirtualSiteMain implements Callable<Integer> {

  @Option(names = "--broker", required = true, paramLabel = "URL",
      description = "The broker, e.g. tcp://mosquitto:1883.")
  String broker;

  @Option(names = "--credentials", required = true, paramLabel = "FILE",
      description = "user:password lines: <building> (single-site broker) or <site>.<building> "
          + "(fleet broker) for every building.")
  Path credentials;

  @Option(names = "--scenario", defaultValue = "campus16",
      description = "The campus simulated (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--site", paramLabel = "ID",
      description = "The site id in the topics (default: the scenario's campus name).")
  String site;

  @Override
  public Integer call() throws Exception {
    Map<String, String> passwords = CredentialsFile.read(credentials);
    Clock clock = Clock.systemUTC();
    Scenario base = ScenarioLoader.load(scenario);
    Duration step = base.controlStep();
    LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), base.zone());
    long stepMin = step.toMinutes();
    LocalDateTime from = local.withSecond(0).withNano(0)
        .withMinute((int) (local.getMinute() / stepMin * stepMin));
    Scenario s = base.withPeriod(from.toLocalDate(), from.toLocalDate().plusYears(1));
    SitePlant plant = new SitePlant(s, from, Simulation.forecasts(s));
    String siteId = site != null ? site : s.name();
    PayloadCodec codec = new PayloadCodec();
    List<EdgeGateway> gateways = new ArrayList<>();
    List<BuildingInfo> buildings = plant.buildings();
    for (int i = 0; i < buildings.size(); i++) {
      String b = buildings.get(i).id();
      String user = passwords.containsKey(BrokerUsers.fleetGateway(siteId, b))
          ? BrokerUsers.fleetGateway(siteId, b) : b;
      String pw = passwords.get(user);
      if (pw == null) {
        throw new IllegalArgumentException(credentials + ": no line for building " + b + " (user "
            + b + " or " + BrokerUsers.fleetGateway(siteId, b) + ")");
      }
      GatewayConfig c = GatewayConfig.of(broker, new Topics(siteId, b), pw).withUsername(user)
          .withSupplyMaxC(buildings.get(i).supplyMaxC());
      gateways.add(new EdgeGateway(c, new PlantSubstation(plant, i, clock), clock, codec));
    }
    gateways.forEach(EdgeGateway::start);
    System.out.printf("virtual site %s: %d buildings of %s from %s, gateways on %s%n", siteId,
        gateways.size(), s.name(), from, broker);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateways.forEach(EdgeGateway::close);
      stop.countDown();
    }, "virtual-site-stop"));
    stop.await();
    return 0;
  }

  /** One building of the plant as its gateway's substation. */
  private record PlantSubstation(SitePlant plant, int building, Clock clock) implements Substation {
    @Override
    public Telemetry read() {
      return plant.telemetry(building, clock.instant());
    }

    @Override
    public double outdoorC() {
      Telemetry t = plant.telemetry(building, clock.instant());
      return t == null ? Double.NaN : t.outdoorC();
    }

    @Override
    public void apply(Command command) {
      plant.apply(building, command, Instant.now(clock));
    }
  }

  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new VirtualSiteMain());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
        cmd.getErr().println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    System.exit(cl.execute(args));
  }
}
