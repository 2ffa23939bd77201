package org.heatgrid.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.heatgrid.site.SiteFileTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileTest {

  @TempDir
  Path dir;

  /** SiteFileTest's three-building site, named {@code name}. */
  private Path siteFile(String name) throws IOException {
    Site s = SiteFileTest.site();
    Site named = new Site(name, s.zone(), s.controlStep(), s.tariff(), s.holidays(),
        s.buildings());
    Path p = dir.resolve("sites").resolve(name + ".json");
    Files.createDirectories(p.getParent());
    Files.writeString(p, SiteFile.write(named));
    return p;
  }

  private Path fleet(String json) throws IOException {
    return Files.writeString(dir.resolve("fleet.json"), json);
  }

  @Test
  void aShard_readsItsSite_byPositionOrHostnameOrdinal() throws IOException {
    siteFile("north");
    siteFile("south");
    FleetFile.Fleet f = FleetFile.read(fleet("{\"fleet\": \"dj\", \"sites\": ["
        + "{\"site\": \"north\", \"file\": \"sites/north.json\"},"
        + "{\"site\": \"south\", \"file\": \"sites/south.json\"}]}"));
    assertThat(f.name()).isEqualTo("dj");
    assertThat(f.sites()).extracting(FleetFile.Entry::site).containsExactly("north", "south");
    int shard = FleetFile.shardIndex("hostname-ordinal", "heatgrid-control-1", "p");
    Site south = f.readSite(shard, List.of());
    assertThat(south.name()).isEqualTo("south");
    assertThat(south.buildings()).hasSize(3);
    assertThat(f.readSite(FleetFile.shardIndex("0", "", "p"), List.of("B01", "B02")).buildings())
        .hasSize(2);
  }

  @Test
  void badFleets_areRefused_namingTheEntryAndTheReason() throws IOException {
    siteFile("north");
    assertThatThrownBy(() -> FleetFile.read(fleet("{\"sites\": []}")))
        .hasMessageContaining("\"fleet\"");
    assertThatThrownBy(() -> FleetFile.read(fleet("{\"fleet\": \"x\", \"sites\": []}")))
        .hasMessageContaining("non-empty");
    assertThatThrownBy(() -> FleetFile.read(fleet("{\"fleet\": \"x\", \"sites\": ["
        + "{\"site\": \"north\", \"file\": \"sites/north.json\"},"
        + "{\"site\": \"north\", \"file\": \"sites/north.json\"}]}")))
        .hasMessageContaining("sites[1]").hasMessageContaining("twice");
    assertThatThrownBy(() -> FleetFile.read(fleet("{\"fleet\": \"x\", \"sites\": ["
        + "{\"site\": \"a/b\", \"file\": \"sites/north.json\"}]}")))
        .hasMessageContaining("sites[0]").hasMessageContaining("topic level");
    assertThatThrownBy(() -> FleetFile.read(fleet("{\"fleet\": \"x\", \"sites\": ["
        + "{\"site\": \"east\", \"file\": \"sites/east.json\"}]}")))
        .hasMessageContaining("sites[0]").hasMessageContaining("does not exist");
    // A site file of another site would put the instance on that site's topics.
    FleetFile.Fleet wrong = FleetFile.read(fleet("{\"fleet\": \"x\", \"sites\": ["
        + "{\"site\": \"west\", \"file\": \"sites/north.json\"}]}"));
    assertThatThrownBy(() -> wrong.readSite(0, List.of()))
        .hasMessageContaining("'west'").hasMessageContaining("'north'");
    assertThatThrownBy(() -> wrong.shard(1)).hasMessageContaining("out of range")
        .hasMessageContaining("has 1 sites");
  }

  @Test
  void badShards_areRefused_namingTheProperty() {
    assertThatThrownBy(() -> FleetFile.shardIndex("hostname-ordinal", "laptop", "heatgrid.fleet.shard"))
        .hasMessageContaining("heatgrid.fleet.shard").hasMessageContaining("laptop");
    assertThatThrownBy(() -> FleetFile.shardIndex("-1", "", "heatgrid.fleet.shard"))
        .hasMessageContaining("heatgrid.fleet.shard");
    assertThatThrownBy(() -> FleetFile.shardIndex("two", "", "heatgrid.fleet.shard"))
        .hasMessageContaining("'two'");
  }
}
