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

  /** 16 URL-safe characters from 12 random bytes: for the broker's users and the API's. */
  static String randomPassword(java.security.SecureRandom random) {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Writes 'user:password' lines, the format {@link #read} takes (owner-only permissions where the
   * file system has them).
   */
  void write(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("# MQTT users of this run's embedded broker\n");
    new java.util.TreeMap<>(byUser).forEach((u, p) -> sb.append(u).append(':').append(p).append('\n'));
    Files.writeString(file, sb.toString());
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the data directory's own permissions apply
    }
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
    Map<String, String> m = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int c = line.indexOf(':');
      if (c < 1) {
        throw new IllegalArgumentException(file + ", line " + (i + 1)
            + ": expected 'user:password'");
      }
      m.put(line.substring(0, c), line.substring(c + 1));
    }
    return new Credentials(m, null);
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
