package org.heatgrid.control.service;

import org.heatgrid.gateway.MosquittoBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.heatgrid.learn.InfluxServer;

/**
 * Starts a real Mosquitto and a real InfluxDB for the @QuarkusTest classes and points the service
 * at them: buildings B01-B03, a clock 600 times faster than real time starting 2026-01-05.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

  static final MosquittoBroker BROKER = new MosquittoBroker();
  static final InfluxServer INFLUX = new InfluxServer();
  static final double SPEED = 600;

  @Override
  public Map<String, String> start() {
    try {
      BROKER.start();
      INFLUX.start();
      return Map.of(
          "heatgrid.mqtt.uri", BROKER.uri(),
          "heatgrid.mqtt.password", BROKER.password("controller"),
          "heatgrid.influx.url", INFLUX.url(),
          "heatgrid.influx.flush-interval", "PT0.2S",
          "heatgrid.site.buildings", "B01,B02,B03",
          "heatgrid.time.speed", String.valueOf(SPEED),
          "heatgrid.time.start", "2026-01-05T00:00:00Z",
          "heatgrid.loop.tick", "PT0.02S",
          "heatgrid.data-dir", Files.createTempDirectory("heatgrid-service").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    BROKER.stop();
    INFLUX.stop();
    try {
      INFLUX.delete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
