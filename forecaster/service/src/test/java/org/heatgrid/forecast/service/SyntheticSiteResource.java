package org.heatgrid.forecast.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes the synthetic site (data and a really trained model) in a temporary folder before the
 * service starts, and points the service's configuration at it.
 */
public class SyntheticSiteResource implements QuarkusTestResourceLifecycleManager {

  private Path dir;

  @Override
  public Map<String, String> start() {
    try {
      dir = Files.createTempDirectory("heatgrid-forecast-service-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SyntheticSite.write(dir);
    return Map.of(
        "heatgrid.forecast.model", dir.resolve("models").toString(),
        "heatgrid.forecast.data", dir.resolve("meters.csv").toString(),
        "heatgrid.forecast.zone", SyntheticSite.ZONE.getId(),
        "heatgrid.forecast.max-horizon-hours", "48");
  }

  @Override
  public void stop() {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp folder left behind is harmless.
    }
  }
}
