package org.heatgrid.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.heatgrid.gateway.MosquittoBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images as a container runtime would run them (no Docker daemon here: {@link ImageRoot}
 * unpacks each tar and runs its entrypoint in its own root, as its non-root user), against a real
 * Mosquitto with the contract's users and ACL: the gateway image connects and announces itself,
 * the control service image becomes ready, publishes setpoints and answers its API with users from
 * a mounted config file, the forecast service image is live, and each image's health probe works
 * without a shell.
 */
class ImagesIT {

  @RegisterExtension
  static final MosquittoBroker BROKER = new MosquittoBroker();

  @TempDir
  Path dir;

  private final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void root() {
    assertThat(System.getProperty("user.name"))
        .as("unpacking images with their owners and running them in their own root needs root "
            + "(CI runs as root)").isEqualTo("root");
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : started) {
      ImageRoot.stop(p);
    }
  }

  @Test
  void everyImageRunsAsNonRootWithoutAShell() throws Exception {
    for (String name : List.of("control-service", "forecast-service", "gateway", "virtual-site")) {
      ImageRoot image = ImageRoot.unpack(name, dir.resolve(name));
      assertThat(image.user()).as(name).isEqualTo("65532:0");
      assertThat(image.root.resolve("bin/sh")).as(name + ": no shell").doesNotExist();
      assertThat(image.entrypoint().get(0)).isEqualTo("/opt/java/bin/java");
      // Nothing but /tmp and the data directories is writable by anyone but root.
      try (Stream<Path> all = Files.walk(image.root)) {
        List<String> writable = all.filter(p -> !Files.isSymbolicLink(p))
            .filter(p -> perms(p).contains(PosixFilePermission.OTHERS_WRITE))
            .map(p -> "/" + image.root.relativize(p)).toList();
        assertThat(writable).as(name).containsExactly("/tmp");
      }
      assertThat(perms(image.root.resolve("var/lib/heatgrid")))
          .contains(PosixFilePermission.GROUP_WRITE);
    }
  }

  @Test
  void virtualSiteImage_bringsSixteenGatewaysOnline_fromACredentialsFile() throws Exception {
    ImageRoot image = ImageRoot.unpack("virtual-site", dir);
    Subscriber controller = Subscriber.connect(BROKER, "controller",
        "heatgrid/v1/campus16/+/status");
    StringBuilder lines = new StringBuilder();
    for (int b = 1; b <= 16; b++) {
      String id = String.format("B%02d", b);
      lines.append(id).append(':').append(BROKER.password(id)).append('\n');
    }
    // Mounted as a secret would be: readable by the image's user, inside its root.
    Path secret = image.root.resolve("tmp/mqtt-credentials");
    Files.writeString(secret, lines.toString());
    List<String> cmd = new ArrayList<>(image.entrypoint());
    cmd.addAll(List.of("--broker", BROKER.uri(), "--credentials", "/tmp/mqtt-credentials"));
    Path log = dir.resolve("virtual-site.log");
    started.add(image.start(cmd, Map.of(), log));
    // Every gateway announces its state on its own status topic (with its building id).
    java.util.regex.Pattern building = java.util.regex.Pattern.compile("\"building\"\\s*:\\s*\"(B\\d\\d)\"");
    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(controller.texts()
        .stream().map(building::matcher).filter(java.util.regex.Matcher::find)
        .map(m -> m.group(1)).distinct().count()).as("log: %s", read(log)).isEqualTo(16));
    controller.close();
  }

  @Test
  void gatewayImageConnectsAndAnnouncesItself() throws Exception {
    ImageRoot image = ImageRoot.unpack("gateway", dir);
    Subscriber controller = Subscriber.connect(BROKER, "controller",
        "heatgrid/v1/campus16/B03/status");
    List<String> cmd = new ArrayList<>(image.entrypoint());
    cmd.addAll(List.of("--broker", BROKER.uri(), "--site", "campus16", "--building", "B03"));
    Path log = dir.resolve("gateway.log");
    started.add(image.start(cmd, Map.of("HEATGRID_MQTT_PASSWORD", BROKER.password("B03")), log));
    // No controller runs here: the gateway announces that it holds its local curve.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(controller.texts())
        .as("log: %s", read(log)).anyMatch(t -> t.contains("\"building\":\"B03\"")
            && t.contains("\"state\":\"fallback\"")));
    controller.close();
  }

  @Test
  void controlServiceImageControlsTheSite() throws Exception {
    ImageRoot image = ImageRoot.unpack("control-service", dir);
    int port = freePort();
    // Secrets as the compose and Kubernetes files mount them: a Quarkus config file in /app/config.
    Path config = Files.createDirectories(image.root.resolve("app/config"));
    Files.writeString(config.resolve("application.properties"), String.join("\n",
        "heatgrid.mqtt.password=" + BROKER.password("controller"),
        "quarkus.security.users.embedded.users.ops=ops-secret",
        "quarkus.security.users.embedded.roles.ops=admin", ""));
    Subscriber b01 = Subscriber.connect(BROKER, "B01", "heatgrid/v1/campus16/B01/setpoint");
    Path log = dir.resolve("control.log");
    started.add(image.start(image.entrypoint(), Map.of("QUARKUS_HTTP_PORT", "" + port,
        "HEATGRID_MQTT_URI", BROKER.uri(), "HEATGRID_INFLUX_ENABLED", "false"), log));
    String base = "http://127.0.0.1:" + port;
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(get(base + "/q/health/ready", null))
            .as("log: %s", read(log)).isEqualTo(200));
    assertThat(image.exec(probe(base + "/q/health/ready"), dir.resolve("probe.log"))).isZero();
    assertThat(image.exec(probe(base + "/q/nothing-here"), dir.resolve("probe404.log"))).isOne();
    assertThat(get(base + "/api/status", "ops:ops-secret")).isEqualTo(200);
    assertThat(get(base + "/api/status", "ops:wrong")).isEqualTo(401);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(b01.texts())
        .as("log: %s", read(log)).anyMatch(t -> t.contains("\"heatgrid.setpoint/1\"")));
    // What the service keeps (audit, operator state, record) is written as 65532 into the volume.
    try (Stream<Path> data = Files.list(image.root.resolve("var/lib/heatgrid"))) {
      List<Path> files = data.toList();
      assertThat(files).isNotEmpty();
      for (Path f : files) {
        assertThat(Files.readAttributes(f, PosixFileAttributes.class).owner().getName())
            .as(f.toString()).isIn("65532", "nonroot");
      }
    }
    b01.close();
  }

  @Test
  void forecastServiceImageIsLive() throws Exception {
    ImageRoot image = ImageRoot.unpack("forecast-service", dir);
    int port = freePort();
    Path log = dir.resolve("forecast.log");
    started.add(image.start(image.entrypoint(), Map.of("QUARKUS_HTTP_PORT", "" + port), log));
    String base = "http://127.0.0.1:" + port;
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(get(base + "/q/health/live", null))
            .as("log: %s", read(log)).isEqualTo(200));
    assertThat(image.exec(probe(base + "/q/health/live"), dir.resolve("probe.log"))).isZero();
    // No model in the empty volume: not ready, and the probe says so.
    assertThat(get(base + "/q/health/ready", null)).isEqualTo(503);
    assertThat(image.exec(probe(base + "/q/health/ready"), dir.resolve("probe2.log"))).isOne();
  }

  private static List<String> probe(String url) {
    return List.of("/opt/java/bin/java", "-cp", "/opt/heatgrid/probe/classes",
        "org.heatgrid.probe.HealthProbe", url);
  }

  private static int get(String url, String basic) {
    try {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
      if (basic != null) {
        r.header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
      }
      return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static java.util.Set<PosixFilePermission> perms(Path p) {
    try {
      return Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    String s = Files.readString(log);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A Paho client of the broker that keeps what arrives on one topic filter. */
  private static final class Subscriber implements AutoCloseable {
    private final MqttAsyncClient client;
    private final List<String> texts = new CopyOnWriteArrayList<>();

    private Subscriber(MqttAsyncClient client) {
      this.client = client;
    }

    static Subscriber connect(MosquittoBroker broker, String user, String filter)
        throws MqttException {
      MqttAsyncClient c = new MqttAsyncClient(broker.uri(), "images-it-" + user,
          new MemoryPersistence());
      Subscriber s = new Subscriber(c);
      c.setCallback(new MqttCallback() {
        @Override
        public void disconnected(MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(MqttException e) {}

        @Override
        public void messageArrived(String topic, MqttMessage m) {
          s.texts.add(new String(m.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
      });
      MqttConnectionOptions o = new MqttConnectionOptions();
      o.setUserName(user);
      o.setPassword(broker.password(user).getBytes(StandardCharsets.UTF_8));
      c.connect(o).waitForCompletion(10_000);
      c.subscribe(filter, 1).waitForCompletion(10_000);
      return s;
    }

    List<String> texts() {
      return texts;
    }

    @Override
    public void close() throws MqttException {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    }
  }
}
