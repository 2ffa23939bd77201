package org.heatgrid.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.heatgrid.fleet.FleetFile;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.wire.BrokerUsers;
import org.heatgrid.wire.FleetSecrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code heatgrid fleet-auth}: the broker users, passwords and ACL of a fleet, from its fleet file.
 * Run it again after adding a site: existing passwords are kept, new users get new ones.
 */
@Command(name = "fleet-auth", mixinStandardHelpOptions = true,
    description = {"Broker credentials and ACL for a fleet: users <site>.controller and "
        + "<site>.<building> for every site of the fleet file, each with an explicit ACL block "
        + "(a site's gateways cannot reach another site's topics).",
        "Writes OUT/credentials (user:password, every user; keep it secret), OUT/acl, "
        + "OUT/controllers (the control services' lines, for heatgrid.mqtt.credentials-file), "
        + "OUT/gateways/<site> (each site's gateway lines) and OUT/passwd (SHA-512 hashes that "
        + "Mosquitto and VerneMQ read, made with mosquitto_passwd when it is installed). "
        + "Existing passwords in OUT/credentials are kept."})
final class FleetAuthCommand implements Callable<Integer> {

  @Option(names = "--fleet", required = true, paramLabel = "FILE",
      description = "The fleet file: {\"fleet\": name, \"sites\": [{\"site\": id, \"file\": "
          + "site file relative to it}, ...]}.")
  Path fleet;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for the files (created owner-only; never commit it).")
  Path out;

  @Override
  public Integer call() throws IOException, InterruptedException {
    FleetFile.Fleet f = FleetFile.read(fleet);
    Map<String, List<String>> bySite = new LinkedHashMap<>();
    for (int i = 0; i < f.sites().size(); i++) {
      bySite.put(f.sites().get(i).site(), f.readSite(i, List.of()).buildings().stream()
          .map(BuildingInfo::id).toList());
    }
    FleetSecrets.Written w = FleetSecrets.write(bySite, out);
    System.out.printf("fleet %s: %d sites, %d users (%d new) in %s%n", f.name(), bySite.size(),
        w.users(), w.added(), out);
    if (w.hashed()) {
      System.out.println("passwd: SHA-512 hashes (mosquitto_passwd -H sha512)");
    } else {
      System.out.println("passwd: not written, mosquitto_passwd is not installed; make it with "
          + "cp " + out.resolve("credentials") + " passwd && mosquitto_passwd -H sha512 -U passwd");
    }
    return 0;
  }
}
