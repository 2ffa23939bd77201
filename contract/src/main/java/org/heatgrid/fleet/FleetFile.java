package org.heatgrid.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.heatgrid.wire.Topics;

/**
 * A fleet file: the sites one operator runs, in a fixed order, each with its site file.
 * <pre>{"fleet": "daejeon-north", "sites": [{"site": "campus16", "file": "campus16.json"}, ...]}</pre>
 * Site files are named relative to the fleet file. A control-service instance runs one site of
 * the fleet, its <em>shard</em>: the position in {@code sites}, given as a number or as {@value
 * #HOSTNAME_ORDINAL} (the trailing {@code -N} of the host name, as a Kubernetes StatefulSet names
 * its pods). The order is therefore part of the deployment: append new sites, never reorder.
 */
public final class FleetFile {

  /** The shard value that takes the ordinal from the host name. */
  public static final String HOSTNAME_ORDINAL = "hostname-ordinal";

  private static final Pattern ORDINAL = Pattern.compile(".*-(\\d+)");

  /** One site of a fleet: its id (the topics' site level) and its site file. */
  public record Entry(String site, Path file) {}

  /** A parsed fleet file. */
  public record Fleet(String name, Path source, List<Entry> sites) {

    /** The site of shard {@code index}, or an error naming the fleet and how many sites it has. */
    public Entry shard(int index) {
      if (index < 0 || index >= sites.size()) {
        throw new IllegalArgumentException("fleet file " + source + ": shard " + index
            + " is out of range, the fleet '" + name + "' has " + sites.size()
            + " sites (shards 0.." + (sites.size() - 1) + ")");
      }
      return sites.get(index);
    }

    /**
     * Reads shard {@code index}'s site file and checks that it describes the site the fleet file
     * names: the topics carry the site id, so a mismatch would put the instance on another
     * site's topics.
     */
    public Site readSite(int index, List<String> only) {
      Entry e = shard(index);
      Site site = SiteFile.read(e.file().toString(), only);
      if (!site.name().equals(e.site())) {
        throw new IllegalArgumentException("fleet file " + source + ": site " + index + " is '"
            + e.site() + "' but its file " + e.file() + " describes site '" + site.name() + "'");
      }
      return site;
    }
  }

  private FleetFile() {}

  /**
   * Reads and checks a fleet file: a name, at least one site, ids valid as topic levels and
   * unique, every site file present.
   *
   * @throws IllegalArgumentException naming the file, the entry and the reason
   */
  public static Fleet read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("fleet file " + file + ": " + e.getMessage(), e);
    }
    String where = "fleet file " + file + ": ";
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(where + "not a JSON object");
    }
    JsonNode name = root.get("fleet");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new IllegalArgumentException(where + "\"fleet\" (the fleet's name) is missing");
    }
    JsonNode sites = root.get("sites");
    if (sites == null || !sites.isArray() || sites.isEmpty()) {
      throw new IllegalArgumentException(where + "\"sites\" must be a non-empty array");
    }
    Path dir = file.toAbsolutePath().getParent();
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sites.size(); i++) {
      JsonNode s = sites.get(i);
      String at = where + "sites[" + i + "]: ";
      String id = s.path("site").asText("");
      String f = s.path("file").asText("");
      if (id.isEmpty() || f.isEmpty()) {
        throw new IllegalArgumentException(at + "needs \"site\" and \"file\"");
      }
      if (!Topics.ID.matcher(id).matches()) {
        throw new IllegalArgumentException(at + "site id '" + id + "' is not a valid topic level"
            + " (letters, digits, '-' and '_')");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(at + "site '" + id + "' is listed twice");
      }
      Path p = dir.resolve(f).normalize();
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(at + "site file " + p + " does not exist");
      }
      entries.add(new Entry(id, p));
    }
    return new Fleet(name.asText(), file, List.copyOf(entries));
  }

  /**
   * The shard index a setting names: a number, or {@value #HOSTNAME_ORDINAL} with the trailing
   * {@code -N} of {@code hostname}.
   *
   * @param property the setting's name, for the error
   */
  public static int shardIndex(String value, String hostname, String property) {
    String v = value.trim();
    if (v.equals(HOSTNAME_ORDINAL)) {
      Matcher m = ORDINAL.matcher(hostname == null ? "" : hostname);
      if (!m.matches()) {
        throw new IllegalArgumentException(property + "=" + HOSTNAME_ORDINAL + ": the host name '"
            + hostname + "' does not end in -N (a StatefulSet pod's name does)");
      }
      return Integer.parseInt(m.group(1));
    }
    try {
      int i = Integer.parseInt(v);
      if (i < 0) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + "='" + value + "': a shard is a number from 0"
          + " or " + HOSTNAME_ORDINAL);
    }
  }
}
