package org.heatgrid.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.Topics;

/**
 * Runs one gateway on its own with a {@link SimulatedSubstation}, until interrupted.
 *
 * <pre>
 * java -cp ... org.heatgrid.gateway.GatewayMain --broker tcp://127.0.0.1:1883 --site campus16 \
 *     --building B01 [--user campus16.B01] [--period PT15M] [--speed 1] [--supply-max 80]
 * </pre>
 *
 * The password comes from the environment variable {@code HEATGRID_MQTT_PASSWORD} (never from the
 * command line, where other users could read it). The MQTT user name is the building id, or
 * {@code --user} (a fleet broker's {@code <site>.<building>}). {@code --speed 60} runs simulated time 60 times
 * faster than real time from now on.
 */
public final class GatewayMain {

  private static final String USAGE = "usage: GatewayMain --broker URI --site ID --building ID "
      + "[--user NAME] [--period ISO-DURATION] [--speed FACTOR] [--supply-max C]; "
      + "password in HEATGRID_MQTT_PASSWORD";

  private GatewayMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> opts;
    GatewayConfig config;
    double speed;
    try {
      opts = parse(args);
      String password = System.getenv("HEATGRID_MQTT_PASSWORD");
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("HEATGRID_MQTT_PASSWORD is not set");
      }
      Topics topics = new Topics(required(opts, "--site"), required(opts, "--building"));
      config = GatewayConfig.of(required(opts, "--broker"), topics, password)
          .withTelemetryPeriod(Duration.parse(opts.getOrDefault("--period", "PT15M")))
          .withSupplyMaxC(Double.parseDouble(opts.getOrDefault("--supply-max", "80")))
          .withUsername(opts.getOrDefault("--user", topics.building()));
      speed = Double.parseDouble(opts.getOrDefault("--speed", "1"));
    } catch (RuntimeException e) {
      System.err.println("gateway: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Clock clock = speed == 1 ? Clock.systemUTC() : SimulatedClock.running(Instant.now(), speed);
    SimulatedSubstation substation = new SimulatedSubstation(clock, config.topics().building(), 0);
    EdgeGateway gateway = new EdgeGateway(config, substation, clock);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      stop.countDown();
    }, "gateway-shutdown"));
    gateway.start();
    stop.await();
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i];
      if (!key.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value at argument " + (i + 1) + ": '"
            + key + "'");
      }
      if (!USAGE.contains(key + " ")) {
        throw new IllegalArgumentException("unknown option " + key);
      }
      out.put(key, args[++i]);
    }
    return out;
  }

  private static String required(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return v;
  }
}
