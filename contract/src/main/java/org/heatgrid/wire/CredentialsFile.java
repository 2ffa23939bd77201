package org.heatgrid.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain {@code user:password} file every heatgrid tool reads and writes for broker users
 * (deploy/mosquitto/make-passwords.sh, {@code ./heatgrid fleet-auth}, the service's {@code
 * heatgrid.mqtt.credentials-file}, the gateway's and the fleet bench's credentials). Blank lines
 * and lines starting with {@code #} are comments. The broker never sees this file: it gets
 * hashes made from it.
 */
public final class CredentialsFile {

  private CredentialsFile() {}

  /**
   * The passwords by user, in file order.
   *
   * @throws IllegalArgumentException naming the file and line of a bad or repeated line
   */
  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int c = line.indexOf(':');
      if (c < 1 || c == line.length() - 1) {
        throw new IllegalArgumentException(file + ", line " + (i + 1)
            + ": expected 'user:password'");
      }
      if (m.put(line.substring(0, c), line.substring(c + 1)) != null) {
        throw new IllegalArgumentException(file + ", line " + (i + 1) + ": user '"
            + line.substring(0, c) + "' is listed twice");
      }
    }
    return m;
  }

  /**
   * Writes {@code header} (comment lines, may be empty) and one line per user, owner-only where
   * the file system has permissions; through a temporary file, so a reader never sees half.
   */
  public static void write(Path file, String header, Map<String, String> byUser)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    header.lines().forEach(l -> sb.append("# ").append(l).append('\n'));
    byUser.forEach((u, p) -> sb.append(u).append(':').append(p).append('\n'));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, sb.toString());
    ownerOnly(tmp);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** 16 URL-safe characters from 12 random bytes: for broker users and the operator API's. */
  public static String randomPassword(SecureRandom random) {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static void ownerOnly(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own permissions apply
    }
  }
}
