package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an instance finds its site and broker user: one site, or its shard of a fleet. */
class SiteSelectionTest {

  @TempDir
  Path dir;

  /** The shipped campus16 site file, renamed, beside a two-site fleet file. */
  private Path fleet() throws IOException {
    String json;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("sites/campus16.json")) {
      json = new String(in.readAllBytes());
    }
    for (String name : List.of("north", "south")) {
      Files.writeString(dir.resolve(name + ".json"),
          json.replaceFirst("\"name\"\\s*:\\s*\"campus16\"", "\"name\": \"" + name + "\""));
    }
    Files.writeString(dir.resolve("controllers"), "north.controller:pw-n\nsouth.controller:pw-s\n");
    return Files.writeString(dir.resolve("fleet.json"), "{\"fleet\": \"dj\", \"sites\": ["
        + "{\"site\": \"north\", \"file\": \"north.json\"},"
        + "{\"site\": \"south\", \"file\": \"south.json\"}]}");
  }

  @Test
  void onAFleet_thePodsOrdinalPicksTheSite_andTheUserIsTheSitesController() throws IOException {
    Path fleet = fleet();
    SiteSelection s = SiteSelection.resolve(Optional.of(fleet.toString()), "hostname-ordinal",
        "classpath:sites/campus16.json", List.of(), "controller", Optional.empty(),
        Optional.of(dir.resolve("controllers")), "heatgrid-control-1");
    assertThat(s.site().name()).isEqualTo("south");
    assertThat(s.site().buildings()).hasSize(16);
    assertThat(s.mqttUser()).isEqualTo("south.controller");
    assertThat(s.mqttPassword()).isEqualTo("pw-s");
    assertThat(s.shard()).isEqualTo("dj shard 1 of 2");

    SiteSelection first = SiteSelection.resolve(Optional.of(fleet.toString()), "0", "", List.of(),
        "controller", Optional.of("given"), Optional.of(dir.resolve("controllers")), "");
    assertThat(first.site().name()).isEqualTo("north");
    assertThat(first.mqttPassword()).as("a password set wins over the file").isEqualTo("given");
  }

  @Test
  void withoutAFleet_theSiteFileAndTheConfiguredUser() {
    SiteSelection s = SiteSelection.resolve(Optional.empty(), "hostname-ordinal",
        "classpath:sites/campus16.json", List.of("B01"), "controller", Optional.of("pw"),
        Optional.empty(), "laptop");
    assertThat(s.site().name()).isEqualTo("campus16");
    assertThat(s.site().buildings()).hasSize(1);
    assertThat(s.mqttUser()).isEqualTo("controller");
  }

  @Test
  void missingPasswordsAndShards_stopTheStart_namingTheSetting() throws IOException {
    Path fleet = fleet();
    assertThatThrownBy(() -> SiteSelection.resolve(Optional.of(fleet.toString()), "5", "",
        List.of(), "controller", Optional.of("pw"), Optional.empty(), ""))
        .hasMessageContaining("shard 5").hasMessageContaining("2 sites");
    assertThatThrownBy(() -> SiteSelection.resolve(Optional.of(fleet.toString()),
        "hostname-ordinal", "", List.of(), "controller", Optional.of("pw"), Optional.empty(),
        "laptop")).hasMessageContaining("heatgrid.fleet.shard");
    assertThatThrownBy(() -> SiteSelection.resolve(Optional.of(fleet.toString()), "0", "",
        List.of(), "controller", Optional.empty(), Optional.empty(), ""))
        .hasMessageContaining("north.controller").hasMessageContaining("heatgrid.mqtt.password")
        .hasMessageContaining("heatgrid.mqtt.credentials-file");
    Files.writeString(dir.resolve("controllers"), "south.controller:pw-s\n");
    assertThatThrownBy(() -> SiteSelection.resolve(Optional.of(fleet.toString()), "0", "",
        List.of(), "controller", Optional.empty(), Optional.of(dir.resolve("controllers")), ""))
        .hasMessageContaining("no line for user 'north.controller'");
  }
}
