package org.heatgrid.forecast.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.nn.NetworkForecaster;

/**
 * Versioned models on disk. A store is a folder of versions {@code v0001, v0002, ...}, each with
 * the member networks {@code network-0.zip, network-1.zip, ...} (DL4J's format, with updater
 * state for further training) and {@code model.json} ({@link ModelInfo}); {@code CURRENT} names
 * the version served by default.
 * A version folder itself can also be given wherever a store is expected.
 */
public final class ModelStore {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final String NETWORK_PREFIX = "network-";
  static final String INFO = "model.json";
  static final String CURRENT = "CURRENT";

  private ModelStore() {}

  /** A loaded model. */
  public record Loaded(ModelInfo info, NetworkForecaster forecaster, Path folder) {}

  /**
   * Saves a fitted network as the next version and makes it current.
   *
   * @param info everything but the version, which is assigned here
   * @return the version folder
   */
  public static Path save(Path store, NetworkForecaster f, ModelInfo info) {
    try {
      Files.createDirectories(store);
      int next = versions(store).map(p -> number(p.getFileName().toString())).max(Integer::compare).orElse(0) + 1;
      String version = String.format("v%04d", next);
      Path dir = store.resolve(version);
      Files.createDirectory(dir);
      for (int j = 0; j < f.networks().size(); j++) {
        ModelSerializer.writeModel(f.networks().get(j), dir.resolve(NETWORK_PREFIX + j + ".zip").toFile(), true);
      }
      ModelInfo v = new ModelInfo(version, info.created(), info.spec(), info.scaling(),
          info.trainedFrom(), info.trainedUntil(), info.dataSha256(), info.training(), info.metrics(),
          info.backend());
      JSON.writeValue(dir.resolve(INFO).toFile(), v);
      Files.writeString(store.resolve(CURRENT), version + "\n", StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save model to " + store + ": " + e.getMessage(), e);
    }
  }

  /** Loads the current version of a store, or the version folder given. */
  public static Loaded load(Path storeOrVersion) {
    return load(storeOrVersion, null);
  }

  /**
   * Loads a version of a store.
   *
   * @param version e.g. {@code v0002}; null for the current one
   * @throws IllegalArgumentException naming the folder when there is no such model
   */
  public static Loaded load(Path store, String version) {
    Path dir = resolve(store, version);
    try {
      ModelInfo info = JSON.readValue(dir.resolve(INFO).toFile(), ModelInfo.class);
      if (info.spec() == null || info.scaling() == null) {
        throw new IllegalArgumentException(dir.resolve(INFO) + ": no feature_spec or scaling");
      }
      List<MultiLayerNetwork> nets = new ArrayList<>();
      for (int j = 0; Files.isRegularFile(dir.resolve(NETWORK_PREFIX + j + ".zip")); j++) {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(
            dir.resolve(NETWORK_PREFIX + j + ".zip").toFile(), false);
        long inputs = net.layerInputSize(0);
        if (inputs != info.spec().inputs()) {
          throw new IllegalArgumentException(dir + ": network " + j + " takes " + inputs
              + " inputs but the feature specification describes " + info.spec().inputs());
        }
        nets.add(net);
      }
      HolidayCalendar holidays = holidays(info.spec().holidays(), dir);
      return new Loaded(info, NetworkForecaster.of(nets, info.spec(), info.scaling(), holidays), dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Path resolve(Path store, String version) {
    if (version == null && Files.isRegularFile(store.resolve(INFO))) {
      return store;
    }
    if (!Files.isDirectory(store)) {
      throw new IllegalArgumentException("no model store at " + store);
    }
    String v = version;
    if (v == null) {
      Path current = store.resolve(CURRENT);
      try {
        v = Files.isRegularFile(current) ? Files.readString(current).strip()
            : versions(store).max(Comparator.comparing(p -> p.getFileName().toString()))
                .map(p -> p.getFileName().toString())
                .orElseThrow(() -> new IllegalArgumentException("no model versions in " + store));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path dir = store.resolve(v);
    if (!Files.isRegularFile(dir.resolve(INFO)) || !Files.isRegularFile(dir.resolve(NETWORK_PREFIX + "0.zip"))) {
      throw new IllegalArgumentException("no model version " + v + " in " + store);
    }
    return dir;
  }

  private static Stream<Path> versions(Path store) throws IOException {
    try (Stream<Path> s = Files.list(store)) {
      return s.filter(p -> p.getFileName().toString().matches("v\\d{4,}") && Files.isDirectory(p))
          .toList().stream();
    }
  }

  private static int number(String version) {
    return Integer.parseInt(version.substring(1));
  }

  static HolidayCalendar holidays(String name, Path dir) {
    try {
      return HolidayCalendar.resolve(name, Path.of(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(dir + ": holiday calendar " + name + ": " + e.getMessage(), e);
    }
  }
}
