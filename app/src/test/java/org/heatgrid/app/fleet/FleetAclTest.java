package org.heatgrid.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.heatgrid.wire.CredentialsFile;
import org.heatgrid.wire.FleetSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet's broker secrets as {@code ./heatgrid fleet-auth} writes them (FleetSecrets: the
 * explicit ACL and the SHA-512 passwd an operator deploys), on a real Mosquitto: a site's gateways
 * and controller reach their own site's topics and nothing of another site's, although both sites
 * have a building B01.
 */
class FleetAclTest {

  @TempDir
  static Path tmp;
  static MosquittoLauncher broker;
  static Map<String, String> passwords;

  @BeforeAll
  static void start() throws Exception {
    Map<String, List<String>> sites = new LinkedHashMap<>();
    sites.put("north", List.of("B01", "B02"));
    sites.put("south", List.of("B01"));
    Path secrets = tmp.resolve("secrets");
    FleetSecrets.Written w = FleetSecrets.write(sites, secrets);
    assertThat(w.hashed()).as("mosquitto_passwd made the $6$ hashes").isTrue();
    assertThat(Files.readString(secrets.resolve("passwd"))).contains("north.B01:$6$");
    passwords = CredentialsFile.read(secrets.resolve("credentials"));
    broker = MosquittoLauncher.startDeployed(tmp.resolve("broker"), secrets, 1000);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aSitesCredentials_reachOnlyItsOwnTopics() throws Exception {
    MqttClient northCtl = connect("north.controller");
    MqttClient southCtl = connect("south.controller");
    MqttClient northB01 = connect("north.B01");
    MqttClient southB01 = connect("south.B01");

    List<String> atNorthCtl = listen(northCtl, "heatgrid/v1/+/+/telemetry");
    List<String> atSouthCtl = listen(southCtl, "heatgrid/v1/+/+/telemetry");
    List<String> atNorthB01 = listen(northB01, "heatgrid/v1/+/B01/setpoint");
    List<String> atSouthB01 = listen(southB01, "heatgrid/v1/south/B01/setpoint");
    List<String> northReadsSouthStatus = listen(northB01, "heatgrid/v1/south/+/status");

    // Each forgery from a connection of its own, so a refusal cannot hide the next attempt.
    tryPublish(connect("north.B01"), "heatgrid/v1/south/B01/telemetry", "forged by north.B01");
    tryPublish(connect("north.B01"), "heatgrid/v1/south/B01/setpoint", "setpoint by north.B01");
    tryPublish(connect("north.B01"), "heatgrid/v1/south/B01/status", "status by north.B01");
    tryPublish(connect("north.controller"), "heatgrid/v1/south/B01/setpoint", "by north.controller");
    tryPublish(connect("north.B02"), "heatgrid/v1/north/B01/telemetry", "B02 as B01");

    tryPublish(southCtl, "heatgrid/v1/south/B01/setpoint", "south's own");
    tryPublish(northCtl, "heatgrid/v1/north/B01/setpoint", "north's own");
    tryPublish(southB01, "heatgrid/v1/south/B01/telemetry", "south B01 telemetry");
    tryPublish(northB01, "heatgrid/v1/north/B01/telemetry", "north B01 telemetry");

    await().atMost(Duration.ofSeconds(10)).until(() -> !atNorthCtl.isEmpty()
        && !atSouthCtl.isEmpty() && !atNorthB01.isEmpty() && !atSouthB01.isEmpty());
    Thread.sleep(500); // anything the ACL let through would have arrived by now
    assertThat(atNorthCtl).containsExactly("heatgrid/v1/north/B01/telemetry north B01 telemetry");
    assertThat(atSouthCtl).containsExactly("heatgrid/v1/south/B01/telemetry south B01 telemetry");
    assertThat(atNorthB01).containsExactly("heatgrid/v1/north/B01/setpoint north's own");
    assertThat(atSouthB01).containsExactly("heatgrid/v1/south/B01/setpoint south's own");
    assertThat(northReadsSouthStatus).isEmpty();
  }

  @Test
  void anotherSitesPassword_orTheSingleSiteUserNames_areRefused() {
    assertThatThrownBy(() -> connect("c1", "south.B01", passwords.get("north.B01")))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> connect("c2", "B01", passwords.get("north.B01")))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> connect("c3", "controller", passwords.get("north.controller")))
        .isInstanceOf(MqttException.class);
  }

  private static int clients;

  private static MqttClient connect(String user) throws MqttException {
    return connect("acl-" + user + "-" + (++clients), user, passwords.get(user));
  }

  private static MqttClient connect(String id, String user, String password) throws MqttException {
    MqttClient c = new MqttClient(broker.uri(), id, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(user);
    o.setPassword(password.getBytes(StandardCharsets.UTF_8));
    o.setConnectionTimeout(5);
    c.connect(o);
    return c;
  }

  private static List<String> listen(MqttClient c, String filter) throws MqttException {
    List<String> got = new CopyOnWriteArrayList<>();
    c.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
        new IMqttMessageListener[] {
            (t, m) -> got.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
    return got;
  }

  /** A refused QoS 1 publish may come back as an exception: what counts is who receives it. */
  private static void tryPublish(MqttClient c, String topic, String text) {
    try {
      c.publish(topic, new MqttMessage(text.getBytes(StandardCharsets.UTF_8), 1, false, null));
    } catch (MqttException e) {
      // refused
    }
  }
}
