package org.heatgrid.app.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heatgrid.wire.CredentialsFile;

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

  /** A fresh random password for each user ({@link CredentialsFile#randomPassword}). */
  public static FleetCredentials random(Collection<String> users) {
    SecureRandom random = new SecureRandom();
    Map<String, String> m = new LinkedHashMap<>();
    for (String u : users) {
      m.put(u, CredentialsFile.randomPassword(random));
    }
    return new FleetCredentials(m);
  }

  /** Reads a {@link CredentialsFile}. */
  public static FleetCredentials read(Path file) throws IOException {
    return new FleetCredentials(CredentialsFile.read(file));
  }

  /** Writes a {@link CredentialsFile}. */
  public void write(Path file) throws IOException {
    CredentialsFile.write(file, "", byUser);
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
