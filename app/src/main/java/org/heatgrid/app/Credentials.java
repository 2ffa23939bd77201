package org.heatgrid.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MQTT passwords per user (controller, B01..B16). */
final class Credentials {

  private final Map<String, String> byUser;
  private final String fallback;

  private Credentials(Map<String, String> byUser, String fallback) {
    this.byUser = byUser;
    this.fallback = fallback;
  }

  /** A fresh random password for each user, for the embedded broker (it checks them). */
  static Credentials random(List<String> users) {
    java.security.SecureRandom random = new java.security.SecureRandom();
    Map<String, String> m = new HashMap<>();
    for (String user : users) {
      m.put(user, randomPassword(random));
    }
    return new Credentials(Map.copyOf(m), null);
  }

  /** {@link org.heatgrid.wire.CredentialsFile#randomPassword}. */
  static String randomPassword(java.security.SecureRandom random) {
    return org.heatgrid.wire.CredentialsFile.randomPassword(random);
  }

  /**
   * Writes 'user:password' lines, the format {@link #read} takes (owner-only permissions where the
   * file system has them).
   */
  void write(Path file) throws IOException {
    org.heatgrid.wire.CredentialsFile.write(file, "MQTT users of this run's embedded broker",
        new java.util.TreeMap<>(byUser));
  }

  /** The passwords by user; empty for credentials that give every user one password. */
  Map<String, String> byUser() {
    return byUser;
  }


  /**
   * HEATGRID_MQTT_PASSWORD for every user; without it a placeholder password, which a broker that
   * lets anonymous clients in (a plain {@code mosquitto -p PORT}) accepts.
   */
  static Credentials fromEnvironment() {
    String pw = System.getenv("HEATGRID_MQTT_PASSWORD");
    return new Credentials(Map.of(), pw == null || pw.isEmpty() ? "heatgrid-run" : pw);
  }

  /**
   * Reads 'user:password' lines (deploy/mosquitto/make-passwords.sh's credentials file).
   *
   * @throws IllegalArgumentException naming the file and line of a bad line
   */
  static Credentials read(Path file) throws IOException {
    return new Credentials(Map.copyOf(org.heatgrid.wire.CredentialsFile.read(file)), null);
  }

  /** @throws IllegalArgumentException when a credentials file has no line for {@code user} */
  String password(String user) {
    String p = byUser.get(user);
    if (p != null) {
      return p;
    }
    if (fallback == null) {
      throw new IllegalArgumentException("no password for MQTT user '" + user
          + "' in the credentials file");
    }
    return fallback;
  }
}
