package org.heatgrid.control.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heatgrid.fleet.FleetFile;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.heatgrid.wire.BrokerUsers;
import org.heatgrid.wire.CredentialsFile;

/**
 * Which site this instance runs and as which broker user, from its settings: one site ({@code
 * heatgrid.site.file}, user {@code heatgrid.mqtt.user}) or its shard of a fleet ({@code
 * heatgrid.fleet.file} and {@code heatgrid.fleet.shard}, user {@code <site>.controller}, the fleet
 * ACL's name for it). Every error names the setting. Framework-free, for tests and tools.
 *
 * @param site the site to control
 * @param mqttUser the broker user
 * @param mqttPassword the broker password
 * @param shard the fleet and shard, for the status ({@code "campus16"} alone without a fleet)
 */
public record SiteSelection(Site site, String mqttUser, String mqttPassword, String shard) {

  /**
   * @param hostname this machine's host name (a StatefulSet pod's name ends in its ordinal)
   */
  public static SiteSelection resolve(Optional<String> fleetFile, String shard, String siteFile,
      List<String> buildings, String mqttUser, Optional<String> password,
      Optional<Path> credentialsFile, String hostname) {
    Site site;
    String user;
    String label;
    if (fleetFile.isPresent()) {
      FleetFile.Fleet fleet = FleetFile.read(Path.of(fleetFile.get()));
      int index = FleetFile.shardIndex(shard, hostname, "heatgrid.fleet.shard");
      site = fleet.readSite(index, buildings);
      user = BrokerUsers.fleetController(site.name());
      label = fleet.name() + " shard " + index + " of " + fleet.sites().size();
    } else {
      site = SiteFile.read(siteFile, buildings);
      user = mqttUser;
      label = site.name();
    }
    return new SiteSelection(site, user, password(user, password, credentialsFile), label);
  }

  /** A site given by an embedding application, with the single-site user. */
  public static SiteSelection of(Site site, String mqttUser, Optional<String> password,
      Optional<Path> credentialsFile) {
    return new SiteSelection(site, mqttUser, password(mqttUser, password, credentialsFile),
        site.name());
  }

  private static String password(String user, Optional<String> password,
      Optional<Path> credentialsFile) {
    if (password.isPresent() && !password.get().isEmpty()) {
      return password.get();
    }
    if (credentialsFile.isEmpty()) {
      throw new IllegalArgumentException("no MQTT password for user '" + user + "': set "
          + "heatgrid.mqtt.password (HEATGRID_MQTT_PASSWORD) or heatgrid.mqtt.credentials-file");
    }
    Map<String, String> lines;
    try {
      lines = CredentialsFile.read(credentialsFile.get());
    } catch (IOException e) {
      throw new UncheckedIOException("heatgrid.mqtt.credentials-file " + credentialsFile.get()
          + ": " + e.getMessage(), e);
    }
    String pw = lines.get(user);
    if (pw == null) {
      throw new IllegalArgumentException("heatgrid.mqtt.credentials-file " + credentialsFile.get()
          + ": no line for user '" + user + "'");
    }
    return pw;
  }

  /** The host name: {@code HOSTNAME} (set in containers), else what the system resolves. */
  public static String hostname() {
    String h = System.getenv("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "";
    }
  }
}
