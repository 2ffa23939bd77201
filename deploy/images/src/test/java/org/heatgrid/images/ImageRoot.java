package org.heatgrid.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * An image tar that Jib wrote, unpacked as a container runtime would: its layers laid in order
 * into a root file system, and its config (entrypoint, user, environment, working directory).
 * No Docker daemon runs on the build machines, so {@link #start} runs the entrypoint with
 * {@code unshare} instead: its own mount and PID namespaces, {@code /proc} mounted, the image's
 * root, working directory, uid and gid; the host's network, so tests reach it on loopback.
 */
final class ImageRoot {

  final Path root;
  final JsonNode config;

  private ImageRoot(Path root, JsonNode config) {
    this.root = root;
    this.config = config;
  }

  /** Unpacks {@code target/<name>.tar} into {@code dir}. */
  static ImageRoot unpack(String name, Path dir) throws IOException, InterruptedException {
    Path tar = Path.of(System.getProperty("heatgrid.images.dir", "target")).resolve(name + ".tar");
    if (!Files.isRegularFile(tar)) {
      throw new IllegalStateException(tar.toAbsolutePath() + " is missing: build the images "
          + "first (./mvnw -Pimages package)");
    }
    Path image = Files.createDirectories(dir.resolve("image"));
    Path root = Files.createDirectories(dir.resolve("root"));
    run(List.of("tar", "-xf", tar.toString(), "-C", image.toString()));
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(image.resolve("manifest.json").toFile()).get(0);
    for (JsonNode layer : manifest.get("Layers")) {
      // --same-owner and -p: ownership and modes as the image says, as a container runtime does.
      run(List.of("tar", "--warning=no-unknown-keyword", "--same-owner", "-p", "-xzf",
          image.resolve(layer.asText()).toString(), "-C", root.toString()));
    }
    JsonNode config = json.readTree(image.resolve(manifest.get("Config").asText()).toFile());
    return new ImageRoot(root, config.get("config"));
  }

  List<String> entrypoint() {
    List<String> out = new ArrayList<>();
    config.get("Entrypoint").forEach(n -> out.add(n.asText()));
    return out;
  }

  String user() {
    return config.get("User").asText();
  }

  /** Starts {@code command} in the image as its user, with its environment plus {@code env}. */
  Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
    String[] user = user().split(":");
    // util-linux 2.38 changes root before it mounts /proc: the path is the image's own /proc.
    List<String> cmd = new ArrayList<>(List.of("unshare", "--fork", "--pid",
        "--mount-proc=/proc", "--root=" + root,
        "--wd=" + config.get("WorkingDir").asText(), "--setuid", user[0], "--setgid", user[1]));
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> all = new TreeMap<>();
    config.get("Env").forEach(n -> {
      String[] kv = n.asText().split("=", 2);
      all.put(kv[0], kv[1]);
    });
    all.putAll(env);
    pb.environment().clear();
    pb.environment().putAll(all);
    return pb.start();
  }

  /** Runs {@code command} in the image to its end; its exit code. */
  int exec(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = start(command, Map.of(), log);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not end in 60 s");
    }
    return p.exitValue();
  }

  static void stop(Process p) throws InterruptedException {
    if (p != null && p.isAlive()) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(cmd + " failed: " + out);
    }
  }
}
