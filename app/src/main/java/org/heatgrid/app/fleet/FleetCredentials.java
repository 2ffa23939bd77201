package org.heatgrid.app.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet broker's MQTT passwords, {@code user:password} per line (the format of {@code
 * deploy/mosquitto/make-passwords.sh}'s credentials file, which {@code mosquitto_passwd -U}
 * hashes in place).
 */
public final class FleetCredentials {

  private final Map<String, String> byUser;

  private FleetCredentials(Map<String, String> byUser) {
    this.byUser = Map.copyOf(byUser);
  }

  /** A fresh random password (16 URL-safe characters from 12 random bytes) for each user. */
  public static FleetCredentials random(Collection<String> users) {
    SecureRandom random = new SecureRandom();
    Map<String, String> m = new LinkedHashMap<>();
    for (String u : users) {
      byte[] b = new byte[12];
      random.nextBytes(b);
      m.put(u, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
    return new FleetCredentials(m);
  }

  /**
   * Reads {@code user:password} lines; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the file and line of a bad line
   */
  public static FleetCredentials read(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int c = line.indexOf(':');
      if (c < 1) {
        throw new IllegalArgumentException(file + ", line " + (i + 1) + ": expected 'user:password'");
      }
      m.put(line.substring(0, c), line.substring(c + 1));
    }
    return new FleetCredentials(m);
  }

  /** Writes {@code user:password} lines, owner-only where the file system has permissions. */
  public void write(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    byUser.forEach((u, p) -> sb.append(u).append(':').append(p).append('\n'));
    Files.writeString(file, sb.toString());
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }

  /** @throws IllegalArgumentException when there is no password for {@code user} */
  public String password(String user) {
    String p = byUser.get(user);
    if (p == null) {
      throw new IllegalArgumentException("no password for MQTT user '" + user
          + "' in the credentials");
    }
    return p;
  }

  public Map<String, String> byUser() {
    return byUser;
  }
}
