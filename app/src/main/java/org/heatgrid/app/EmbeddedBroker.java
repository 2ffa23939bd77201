package org.heatgrid.app;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HiveMQ CE in embedded mode, listening on loopback only, keeping everything in memory (a run's
 * broker starts empty). It enforces the contract's users and per-building ACL ({@link BrokerAcl},
 * the rules of deploy/mosquitto/acl) with the passwords it is given.
 */
final class EmbeddedBroker implements AutoCloseable {

  private final EmbeddedHiveMQ hivemq;
  private final int port;

  private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
    this.hivemq = hivemq;
    this.port = port;
  }

  /**
   * Starts the broker on {@code port}, or on a free port when that one is taken or 0, with the
   * contract's users and ACL ({@link BrokerAcl}).
   */
  static EmbeddedBroker start(Path dir, int port, Map<String, String> passwords)
      throws IOException {
    int p = port > 0 && isFree(port) ? port : freePort();
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Path extensions = Files.createDirectories(dir.resolve("extensions"));
    Files.writeString(conf.resolve("config.xml"), """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <receive-maximum>
              <!-- The controller publishes one setpoint per building at once (QoS 1): HiveMQ's default of
                   10 unacknowledged publishes per client would refuse some of 16. Mosquitto allows 20. -->
              <server-receive-maximum>1000</server-receive-maximum>
            </receive-maximum>
          </mqtt>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(p));
    // HiveMQ logs through Logback (its own choice); only warnings and errors, to the console.
    Files.writeString(conf.resolve("logback.xml"), """
        <configuration>
          <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss} %-5level [%logger{0}] %msg%n</pattern></encoder>
          </appender>
          <root level="WARN"><appender-ref ref="CONSOLE"/></root>
          <logger name="com.hivemq.extensions.loader" level="ERROR"/>
          <logger name="io.micrometer" level="ERROR"/>
          <logger name="oshi" level="OFF"/>
        </configuration>
        """);
    EmbeddedHiveMQBuilder b = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
        .withDataFolder(data).withExtensionsFolder(extensions);
    b.withEmbeddedExtension(EmbeddedExtension.builder().withId("heatgrid-acl")
        .withName("heatgrid users and ACL").withVersion("1").withAuthor("heatgrid")
        .withPriority(1000).withStartPriority(1000)
        .withExtensionMain(new BrokerAcl(passwords)).build());
    EmbeddedHiveMQ h = b.build();
    try {
      h.start().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      try {
        h.close();
      } catch (Exception ignored) {
        // already failing
      }
      throw new IOException("embedded MQTT broker (HiveMQ CE) did not start on 127.0.0.1:" + p
          + ": " + e, e);
    }
    return new EmbeddedBroker(h, p);
  }

  String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    hivemq.stop().get(30, TimeUnit.SECONDS);
    hivemq.close();
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
