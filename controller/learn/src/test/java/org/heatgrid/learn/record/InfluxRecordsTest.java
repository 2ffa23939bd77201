package org.heatgrid.learn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.mpc.model.SiteHistory;
import org.heatgrid.learn.InfluxServer;
import org.heatgrid.learn.RecordSource;
import org.heatgrid.learn.SyntheticSite;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a site's record back from a real InfluxDB 1.x, written as the control service writes it
 * (influxdb-java points, millisecond times, tags site and building): it must be the same record
 * as the service's points.lp of the same periods.
 */
class InfluxRecordsTest {

  /** The synthetic site's control step. */
  private static final java.time.Duration STEP15 = java.time.Duration.ofMinutes(15);

  @RegisterExtension
  static final InfluxServer INFLUX = new InfluxServer();

  @TempDir
  Path dir;

  /** Writes {@code s}'s telemetry and forecasts under {@code site}, zones shifted by {@code shift}. */
  private static void write(String database, SyntheticSite s, String site, double shift) {
    try (InfluxDB db = InfluxDBFactory.connect(INFLUX.url())) {
      db.query(new Query("CREATE DATABASE \"" + database + "\""));
      BatchPoints.Builder batch = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS);
      for (SyntheticSite.Sample x : s.samples()) {
        Point.Builder p = Point.measurement("telemetry").time(x.end().toEpochMilli(),
            TimeUnit.MILLISECONDS).tag("site", site).tag("building", x.building());
        x.fields().forEach((name, v) -> {
          if (v instanceof Long l) {
            p.addField(name, l);
          } else if (v instanceof Boolean b) {
            p.addField(name, b);
          } else {
            p.addField(name, (Double) v + (name.startsWith("zone_") ? shift : 0));
          }
        });
        batch.point(p.build());
      }
      for (SyntheticSite.Forecast f : s.forecasts()) {
        batch.point(Point.measurement("forecast").time(f.at().toEpochMilli(), TimeUnit.MILLISECONDS)
            .tag("site", site).addField("issued_at_ms", f.issuedAt().toEpochMilli())
            .addField("lead", (long) f.lead()).addField("outdoor_c", f.outdoorC())
            .addField("ghi_wm2", f.ghiWm2()).build());
      }
      db.write(batch.build());
    }
  }

  @Test
  void theDatabaseHoldsTheSameRecordAsPointsLp() {
    SyntheticSite s = new SyntheticSite().days(3);
    write("same", s, SyntheticSite.NAME, 0);
    write("same", s, "north", 5); // another site in the same database, warmer

    SiteRecord fromDb = InfluxRecords.read(INFLUX.url(), "same", SyntheticSite.NAME);
    SiteRecord fromLp = LineProtocolRecords.read(s.write(dir), SyntheticSite.NAME,
        TimeUnit.MILLISECONDS);

    assertThat(fromDb.rejected()).isZero();
    assertThat(fromDb.source()).isEqualTo(INFLUX.url() + " database same");
    assertThat(fromDb.otherSites()).containsExactly("north");
    assertThat(fromDb.readingCount()).isEqualTo(fromLp.readingCount()).isEqualTo(3 * 96 * 3);
    assertThat(fromDb.buildings()).containsExactly("B01", "B02", "B03");
    // Same readings and the same lead-0 irradiance at the same instants: the same hash.
    assertThat(fromDb.sha256(STEP15)).isEqualTo(fromLp.sha256(STEP15));
    SiteHistory h = fromDb.history(SyntheticSite.site());
    for (int k = 0; k < h.size(); k++) {
      assertThat(h.history(1).ghiWm2()[k]).as("period %d", k).isEqualTo(s.ghi(k));
    }
    assertThat(h.telemetry(0, 0).localFallback()).isFalse();
    assertThat(h.telemetry(0, 1).zones()).isEqualTo(3);
  }

  @Test
  void theRecordSourceReadsTheNamedDatabaseAndSite() {
    SyntheticSite s = new SyntheticSite().days(1);
    write("source", s, SyntheticSite.NAME, 0);

    SiteRecord r = new RecordSource.Influx(INFLUX.url(), "source").read(SyntheticSite.NAME);
    SiteRecord none = new RecordSource.Influx(INFLUX.url(), "source").read("south");

    assertThat(r.readingCount()).isEqualTo(96 * 3);
    assertThat(none.readingCount()).isZero();
    assertThat(none.otherSites()).containsExactly(SyntheticSite.NAME);
  }

  @Test
  void aTelemetryRowWithoutABuildingIsRejectedWithItsTime() {
    try (InfluxDB db = InfluxDBFactory.connect(INFLUX.url())) {
      db.query(new Query("CREATE DATABASE \"untagged\""));
      db.write("untagged", "autogen", InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS,
          "telemetry,site=synth heat_kw=1.0 1762096500000\n"
              + "telemetry,building=B01,site=synth heat_kw=2.0,zone_1_c=20.0 1762097400000");
    }

    SiteRecord r = InfluxRecords.read(INFLUX.url(), "untagged", SyntheticSite.NAME);

    assertThat(r.readingCount()).isEqualTo(1);
    // The rejection names the row's time (as InfluxDB returned it) and the reason.
    assertThat(r.rejections()).singleElement().asString().startsWith("telemetry at ")
        .endsWith(": telemetry row without a building tag");
  }

  @Test
  void aDatabaseThatDoesNotExistIsRefusedNamingIt() {
    assertThatThrownBy(() -> InfluxRecords.read(INFLUX.url(), "nosuchdb", SyntheticSite.NAME))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining(INFLUX.url() + " database nosuchdb")
        .hasMessageContaining("database not found");
  }

  @Test
  void anUnreachableServerIsARecordExceptionNamingIt() {
    String url = "http://127.0.0.1:" + InfluxServer.freePort();

    assertThatThrownBy(() -> InfluxRecords.read(url, "heatgrid", SyntheticSite.NAME))
        .isInstanceOf(RecordException.class)
        .hasMessageStartingWith("cannot read the record from InfluxDB at " + url
            + " database heatgrid");
  }
}
