package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.loop.OperatorOverride;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.DailyHours;
import org.heatgrid.site.OccupancySchedule;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator changes survive a restart of the service; a damaged file stops it with a clear error. */
class OperatorStateFileTest {

  private static final Site SITE = SiteFile.read("classpath:sites/campus16.json", List.of("B01", "B02", "B03"));
  private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");

  @TempDir
  Path dir;

  /** An operator state wired as ControlService wires it: every change audited, then saved. */
  private OperatorState service(Site site) {
    AuditFile audit = new AuditFile(dir);
    OperatorStateFile saved = new OperatorStateFile(dir);
    OperatorState[] self = new OperatorState[1];
    self[0] = new OperatorState(site, e -> {
      audit.accept(e);
      saved.save(self[0]);
    });
    saved.restore(self[0]);
    return self[0];
  }

  @Test
  void everyKindOfChange_comesBackAfterARestart() {
    OperatorState before = service(SITE);
    before.setMode("B01", Mode.MANUAL, "op", "valve work", NOW);
    before.setOverride(new OperatorOverride("B01", 55, NOW.plusSeconds(4 * 3600), "valve work", "op", NOW));
    before.setMode("B02", Mode.HEATING_CURVE, "op", "sensor broken", NOW);
    ComfortBand band = new ComfortBand(20.5, 24, 15, 28);
    before.setComfort("B03", band, "admin", "lab needs it warmer", NOW);
    OccupancySchedule hours = new OccupancySchedule(DailyHours.parse("07:00-20:00"),
        DailyHours.parse("closed"), DailyHours.parse("closed"));
    before.setSchedule("B03", hours, "admin", "longer days", NOW);

    OperatorState after = service(SITE);

    assertThat(after.mode("B01")).isEqualTo(Mode.MANUAL);
    assertThat(after.mode("B02")).isEqualTo(Mode.HEATING_CURVE);
    assertThat(after.mode("B03")).isEqualTo(Mode.AUTO);
    assertThat(after.activeOverride("B01", NOW.plusSeconds(3600))).contains(before.override("B01").orElseThrow());
    assertThat(after.activeOverride("B01", NOW.plusSeconds(5 * 3600))).isEmpty(); // it still expires
    assertThat(after.requireBuilding("B03").comfort()).isEqualTo(band);
    assertThat(after.requireBuilding("B03").schedule()).isEqualTo(hours);
    assertThat(after.requireBuilding("B02").comfort()).isEqualTo(SITE.building("B02").orElseThrow().comfort());
    assertThat(after.audit()).isEqualTo(before.audit());
    assertThat(after.siteVersion()).isPositive(); // the loop sees the changed site
  }

  @Test
  void aClearedOverrideStaysCleared() {
    OperatorState before = service(SITE);
    before.setOverride(new OperatorOverride("B02", 50, NOW.plusSeconds(3600), "test", "op", NOW));
    before.clearOverride("B02", "op", "done", NOW.plusSeconds(60));
    assertThat(service(SITE).override("B02")).isEmpty();
  }

  @Test
  void aDamagedFile_stopsTheStartNamingTheFileAndTheField() throws Exception {
    Files.writeString(dir.resolve(OperatorStateFile.NAME), """
        {"version": 1, "modes": {"B01": "manual"},
         "overrides": {"B02": {"supply_setpoint_c": "hot", "expires_at": "2026-01-05T10:00:00Z",
                               "reason": "x", "by": "op", "at": "2026-01-05T08:00:00Z"}}}
        """);
    assertThatThrownBy(() -> service(SITE)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(OperatorStateFile.NAME)
        .hasMessageContaining("overrides.B02.supply_setpoint_c: expected a finite number");

    Files.writeString(dir.resolve(OperatorStateFile.NAME), "{\"version\": 1, \"modes\": {");
    assertThatThrownBy(() -> service(SITE)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot read operator state").hasMessageContaining("fix or remove");
  }

  @Test
  void aBuildingNoLongerOnTheSite_isNamed_andNothingIsHalfRestored() throws Exception {
    Files.writeString(dir.resolve(OperatorStateFile.NAME),
        "{\"version\": 1, \"modes\": {\"B01\": \"manual\", \"B09\": \"manual\"}}");
    OperatorState fresh = new OperatorState(SITE, e -> {});
    assertThatThrownBy(() -> new OperatorStateFile(dir).restore(fresh))
        .hasMessageContaining("unknown building 'B09'").hasMessageContaining("site has changed");
    assertThat(fresh.mode("B01")).isEqualTo(Mode.AUTO);
  }

  @Test
  void aTornAuditLine_isSkipped_theRestComesBack() throws Exception {
    OperatorState before = service(SITE);
    before.setMode("B01", Mode.MANUAL, "op", "one", NOW);
    Files.writeString(dir.resolve(AuditFile.NAME), "{\"at\": \"2026-01-05T0", java.nio.file.StandardOpenOption.APPEND);
    assertThat(service(SITE).audit()).hasSize(1);
  }
}
