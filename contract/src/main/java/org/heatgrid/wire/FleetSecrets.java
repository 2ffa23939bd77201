package org.heatgrid.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker secrets of a fleet, in one folder: {@code credentials} (every user's password),
 * {@code acl} ({@link BrokerUsers#fleetAcl}), {@code controllers} (the control services' lines),
 * {@code gateways/<site>} (one site's gateway lines, all its edge needs) and {@code passwd}
 * (SHA-512 hashes, which both Mosquitto and VerneMQ read). Written again after a site is added:
 * passwords already in {@code credentials} are kept.
 */
public final class FleetSecrets {

  /** What {@link #write} did. */
  public record Written(int users, int added, boolean hashed) {}

  private FleetSecrets() {}

  /** Writes the folder for {@code buildingsBySite}; see the class comment. */
  public static Written write(Map<String, List<String>> buildingsBySite, Path out)
      throws IOException, InterruptedException {
    Files.createDirectories(out.resolve("gateways"));
    try {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    Path all = out.resolve("credentials");
    Map<String, String> old = Files.exists(all) ? CredentialsFile.read(all) : Map.of();
    SecureRandom random = new SecureRandom();
    Map<String, String> every = new LinkedHashMap<>();
    Map<String, String> controllers = new LinkedHashMap<>();
    int added = 0;
    for (Map.Entry<String, List<String>> e : buildingsBySite.entrySet()) {
      String site = e.getKey();
      Map<String, String> gateways = new LinkedHashMap<>();
      for (String b : e.getValue()) {
        if (b.equals(BrokerUsers.CONTROLLER)) {
          throw new IllegalArgumentException("site " + site + ": a building may not be named '"
              + BrokerUsers.CONTROLLER + "' (the site's controller has that user)");
        }
        gateways.put(BrokerUsers.fleetGateway(site, b), null);
      }
      String controller = BrokerUsers.fleetController(site);
      for (String user : concat(controller, gateways.keySet())) {
        String pw = old.get(user);
        if (pw == null) {
          pw = CredentialsFile.randomPassword(random);
          added++;
        }
        every.put(user, pw);
        if (user.equals(controller)) {
          controllers.put(user, pw);
        } else {
          gateways.put(user, pw);
        }
      }
      CredentialsFile.write(out.resolve("gateways").resolve(site),
          "gateway users of site " + site + " (ACL: their own building's topics only)", gateways);
    }
    CredentialsFile.write(all, "every broker user of the fleet (./heatgrid fleet-auth)", every);
    CredentialsFile.write(out.resolve("controllers"),
        "control services' broker users (heatgrid.mqtt.credentials-file)", controllers);
    Files.writeString(out.resolve("acl"), BrokerUsers.fleetAcl(buildingsBySite));
    return new Written(every.size(), added, hashPasswords(all, out.resolve("passwd")));
  }

  private static List<String> concat(String first, java.util.Collection<String> rest) {
    List<String> l = new java.util.ArrayList<>();
    l.add(first);
    l.addAll(rest);
    return l;
  }

  /**
   * {@code passwd} from {@code credentials} with {@code mosquitto_passwd -H sha512 -U} ({@code $6$}
   * hashes: Mosquitto 2 reads them, VerneMQ reads only them); false when it is not installed.
   */
  static boolean hashPasswords(Path credentials, Path passwd)
      throws IOException, InterruptedException {
    Path tmp = passwd.resolveSibling("passwd.tmp");
    StringBuilder sb = new StringBuilder();
    CredentialsFile.read(credentials).forEach((u, p) -> sb.append(u).append(':').append(p)
        .append('\n'));
    Files.writeString(tmp, sb.toString());
    CredentialsFile.ownerOnly(tmp);
    Process p;
    try {
      p = new ProcessBuilder("mosquitto_passwd", "-H", "sha512", "-U", tmp.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      return false;
    }
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      Files.deleteIfExists(tmp);
      throw new IOException("mosquitto_passwd -U failed: " + output.strip());
    }
    Files.move(tmp, passwd, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return true;
  }
}
