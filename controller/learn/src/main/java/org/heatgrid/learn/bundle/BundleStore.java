package org.heatgrid.learn.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.heatgrid.forecast.nn.Backend;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.forecast.store.ModelInfo;
import org.heatgrid.forecast.store.ModelStore;

/**
 * A folder of versioned bundles ({@code v0001}, {@code v0002}, ...) and the name of the active one
 * ({@code ACTIVE}). A bundle folder holds {@code bundle.json}, the network's model store
 * ({@code network/}) when there is one, and {@code SHA256SUMS} over every file: a bundle whose
 * files do not match is refused as corrupt. A new bundle is written beside the others and moved
 * into place whole; {@code ACTIVE} is replaced atomically, and only by a bundle that loads.
 */
public final class BundleStore {

  /**
   * One stored bundle as {@link #list} sees it.
   *
   * @param manifest null when the bundle cannot be read
   * @param problem why it cannot be loaded, null when it can
   */
  public record Entry(String version, Manifest manifest, String problem, boolean active) {}

  static final String MANIFEST = "bundle.json";
  static final String SUMS = "SHA256SUMS";
  static final String ACTIVE = "ACTIVE";
  static final String NETWORK = "network";
  private static final Pattern VERSION = Pattern.compile("v\\d{4,}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public BundleStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The stored versions, oldest first. */
  public List<String> versions() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> VERSION.matcher(n).matches())
          .filter(n -> Files.isDirectory(root.resolve(n))).sorted().toList();
    } catch (IOException e) {
      throw new BundleException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** Every stored bundle with its manifest, or why it cannot be used. */
  public List<Entry> list() {
    String active = active().orElse(null);
    List<Entry> out = new ArrayList<>();
    for (String v : versions()) {
      Manifest m = null;
      String problem = null;
      try {
        verify(v);
        m = manifest(v);
      } catch (BundleException e) {
        problem = e.getMessage();
      }
      out.add(new Entry(v, m, problem, v.equals(active)));
    }
    return out;
  }

  /** Stores {@code b} as the next version (not active yet); returns that version. */
  public synchronized String save(ModelBundle b) {
    List<String> versions = versions();
    int next = versions.isEmpty() ? 1
        : Integer.parseInt(versions.get(versions.size() - 1).substring(1)) + 1;
    String version = String.format("v%04d", next);
    Path tmp = root.resolve("." + version + ".tmp");
    try {
      Files.createDirectories(tmp);
      JSON.writeValue(tmp.resolve(MANIFEST).toFile(), b.manifest().withVersion(version));
      if (b.network() != null) {
        NetworkForecaster f = b.network();
        Manifest.Data d = b.manifest().data();
        ModelStore.save(tmp.resolve(NETWORK), f, new ModelInfo(null, Instant.now().toString(),
            f.spec(), f.scaling(), d.from(), d.to(), d.sha256(), Map.of(),
            b.manifest().forecaster().backtest(), Backend.name()));
      }
      writeSums(tmp);
      Files.move(tmp, root.resolve(version), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      throw new BundleException("cannot store bundle " + version + " in " + root + ": "
          + e.getMessage(), e);
    }
    return version;
  }

  /**
   * Loads and checks a stored bundle.
   *
   * @throws BundleException naming the bundle and what is wrong (missing, corrupt, unreadable)
   */
  public ModelBundle load(String version) {
    verify(version);
    Manifest m = manifest(version);
    NetworkForecaster network = null;
    if (m.forecaster() != null && m.forecaster().kind().equals("network")) {
      try {
        network = ModelStore.load(dir(version).resolve(NETWORK)).forecaster();
      } catch (RuntimeException e) {
        throw new BundleException("bundle " + version + ": cannot load its network: "
            + e.getMessage(), e);
      }
    }
    return new ModelBundle(m, network);
  }

  /** The active version, if one was activated. */
  public Optional<String> active() {
    Path f = root.resolve(ACTIVE);
    try {
      return Files.isRegularFile(f) ? Optional.of(Files.readString(f).trim()).filter(s -> !s.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      throw new BundleException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  /** The active bundle, loaded; empty when none is active. */
  public Optional<ModelBundle> loadActive() {
    return active().map(this::load);
  }

  /**
   * Makes {@code version} the active bundle, after loading it.
   *
   * @throws BundleException when it does not load
   */
  public synchronized ModelBundle activate(String version) {
    ModelBundle b = load(version);
    try {
      Files.createDirectories(root);
      Path tmp = root.resolve("." + ACTIVE + ".tmp");
      Files.writeString(tmp, version + "\n");
      try {
        Files.move(tmp, root.resolve(ACTIVE), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, root.resolve(ACTIVE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new BundleException("cannot activate " + version + " in " + root + ": "
          + e.getMessage(), e);
    }
    return b;
  }

  /** No bundle is active any more (the service runs the heating curve, also after a restart). */
  public synchronized void deactivate() {
    try {
      Files.deleteIfExists(root.resolve(ACTIVE));
    } catch (IOException e) {
      throw new BundleException("cannot deactivate in " + root + ": " + e.getMessage(), e);
    }
  }

  private Path dir(String version) {
    if (!VERSION.matcher(version).matches()) {
      throw new BundleException("'" + version + "' is not a bundle version (v0001, v0002, ...)");
    }
    Path d = root.resolve(version);
    if (!Files.isDirectory(d)) {
      throw new BundleException("bundle " + version + " is not in " + root);
    }
    return d;
  }

  private Manifest manifest(String version) {
    Path f = dir(version).resolve(MANIFEST);
    try {
      // The folder names the version: a bundle copied to another store keeps its content.
      Manifest m = JSON.readValue(f.toFile(), Manifest.class).withVersion(version);
      if (!Manifest.FORMAT.equals(m.format())) {
        throw new BundleException("bundle " + version + ": format '" + m.format() + "', this "
            + "version reads " + Manifest.FORMAT);
      }
      if (m.buildings() == null || m.buildings().isEmpty() || m.hotWater() == null
          || m.data() == null || m.site() == null) {
        throw new BundleException("bundle " + version + ": " + MANIFEST
            + " lacks site, data, buildings or hotWater");
      }
      return m;
    } catch (IOException e) {
      throw new BundleException("bundle " + version + ": cannot read " + MANIFEST + ": "
          + e.getMessage(), e);
    }
  }

  private void verify(String version) {
    Path d = dir(version);
    Path sums = d.resolve(SUMS);
    List<String> lines;
    try {
      lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BundleException("bundle " + version + ": no " + SUMS + " (incomplete or not a "
          + "bundle)", e);
    }
    Map<String, String> expected = new TreeMap<>();
    for (String line : lines) {
      int sp = line.indexOf("  ");
      if (sp != 64) {
        throw new BundleException("bundle " + version + ": " + SUMS + " line '" + line
            + "' is not 'sha256  path'");
      }
      expected.put(line.substring(sp + 2), line.substring(0, sp));
    }
    Map<String, String> actual = sums(d);
    for (var e : expected.entrySet()) {
      String got = actual.get(e.getKey());
      if (got == null) {
        throw new BundleException("bundle " + version + ": " + e.getKey() + " is missing");
      }
      if (!got.equals(e.getValue())) {
        throw new BundleException("bundle " + version + ": " + e.getKey()
            + " does not match its SHA-256 in " + SUMS + " (corrupt or edited)");
      }
    }
    for (String f : actual.keySet()) {
      if (!expected.containsKey(f)) {
        throw new BundleException("bundle " + version + ": " + f + " is not in " + SUMS
            + " (added or edited after the bundle was stored)");
      }
    }
    if (!expected.containsKey(MANIFEST)) {
      throw new BundleException("bundle " + version + ": " + SUMS + " does not cover " + MANIFEST);
    }
  }

  private static void writeSums(Path d) throws IOException {
    StringBuilder sb = new StringBuilder();
    sums(d).forEach((path, hash) -> sb.append(hash).append("  ").append(path).append('\n'));
    Files.writeString(d.resolve(SUMS), sb.toString());
  }

  private static Map<String, String> sums(Path d) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(d)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = d.relativize(p).toString().replace('\\', '/');
        if (!rel.equals(SUMS)) {
          out.put(rel, sha256(p));
        }
      }
    } catch (IOException e) {
      throw new BundleException("cannot read " + d + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static String sha256(Path p) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(p),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
