package org.heatgrid.wire;

import java.util.List;
import java.util.Map;

/**
 * Who logs in to the broker, and what each may do. On a single-site broker a gateway's user name
 * is its building id and the controller's is {@value #CONTROLLER} ({@code deploy/mosquitto/acl},
 * patterns with {@code %u}). Building ids repeat across sites (every campus has a B01), so on a
 * fleet broker the user names carry the site: {@code <site>.<building>} and {@code
 * <site>.controller}. A dot cannot occur in an id ({@link Topics#ID}), so the split is unambiguous,
 * and a building named {@code controller} is refused by the password scripts. The fleet ACL lists
 * each user's topics explicitly ({@link #fleetAcl}): no pattern can make a gateway of one site
 * reach another site's topics.
 */
public final class BrokerUsers {

  /** The controller's user name on a single-site broker. */
  public static final String CONTROLLER = "controller";

  private BrokerUsers() {}

  /** A gateway's user name on a fleet broker: {@code <site>.<building>}. */
  public static String fleetGateway(String site, String building) {
    new Topics(site, building);
    return site + "." + building;
  }

  /** A site's control service's user name on a fleet broker: {@code <site>.controller}. */
  public static String fleetController(String site) {
    new Topics(site, "x");
    return site + "." + CONTROLLER;
  }

  /**
   * The fleet broker's ACL, in the format of Mosquitto's {@code acl_file} (which VerneMQ's
   * {@code vmq_acl} reads too): per site, its controller writes the site's setpoints and reads its
   * telemetry and status; per building, its gateway reads its own setpoint and writes its own
   * telemetry and status (its last will included). Nothing else is granted, so everything else is
   * denied.
   *
   * @param buildingsBySite building ids per site id, in the order they are to be written
   */
  public static String fleetAcl(Map<String, List<String>> buildingsBySite) {
    StringBuilder acl = new StringBuilder();
    acl.append("# heatgrid fleet broker ACL, generated (BrokerUsers.fleetAcl): one block per user.\n")
        .append("# Users: <site>.controller and <site>.<building>; anything not granted is denied.\n");
    buildingsBySite.forEach((site, buildings) -> {
      String any = Topics.ANY;
      acl.append('\n').append("user ").append(fleetController(site)).append('\n')
          .append("topic write ").append(Topics.filter(site, any, Topics.Leaf.SETPOINT)).append('\n')
          .append("topic read ").append(Topics.filter(site, any, Topics.Leaf.TELEMETRY)).append('\n')
          .append("topic read ").append(Topics.filter(site, any, Topics.Leaf.STATUS)).append('\n');
      for (String b : buildings) {
        Topics t = new Topics(site, b);
        acl.append('\n').append("user ").append(fleetGateway(site, b)).append('\n')
            .append("topic read ").append(t.setpoint()).append('\n')
            .append("topic write ").append(t.telemetry()).append('\n')
            .append("topic write ").append(t.status()).append('\n');
      }
    });
    return acl.toString();
  }
}
