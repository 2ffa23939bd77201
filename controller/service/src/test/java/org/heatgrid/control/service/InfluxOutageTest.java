package org.heatgrid.control.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.heatgrid.control.service.adapter.BufferedInfluxWriter;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.heatgrid.learn.InfluxServer;

/** InfluxDB is down for a while: points are kept within the bound and flushed when it returns. */
class InfluxOutageTest {

  @RegisterExtension
  static final InfluxServer INFLUX = new InfluxServer();

  private static final long T0 = 1_767_571_200_000L; // 2026-01-05T00:00Z

  @Test
  void withinTheBound_nothingIsLost_beyondIt_theOldestAreDroppedAndCounted() throws Exception {
    try (BufferedInfluxWriter w = new BufferedInfluxWriter(INFLUX.url(), "outage", 1000, 200,
        Duration.ofMillis(100)); InfluxDB db = InfluxDBFactory.connect(INFLUX.url())) {
      write(w, 0, 100);
      await().atMost(Duration.ofSeconds(10)).until(() -> w.written() == 100);

      INFLUX.stop();
      write(w, 100, 600); // 500 points while InfluxDB is away, within the bound of 1000
      await().atMost(Duration.ofSeconds(15)).until(() -> w.failures() > 0);
      assertThat(w.buffered()).isEqualTo(500);
      INFLUX.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> w.buffered() == 0);
      assertThat(count(db)).isEqualTo(600);
      assertThat(w.dropped()).isZero();

      INFLUX.stop();
      write(w, 600, 2100); // 1500 points: 500 more than the bound
      assertThat(w.buffered()).isEqualTo(1000);
      assertThat(w.dropped()).isEqualTo(500);
      INFLUX.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> w.buffered() == 0);
      assertThat(count(db)).isEqualTo(1600);
      // The newest were kept: 1100..2099.
      var first = db.query(new Query("SELECT min(i) FROM probe WHERE i >= 600", "outage"))
          .getResults().get(0).getSeries().get(0).getValues().get(0).get(1);
      assertThat(((Number) first).longValue()).isEqualTo(1100);
    }
  }

  private static void write(BufferedInfluxWriter w, int from, int to) {
    for (int i = from; i < to; i++) {
      w.write(Point.measurement("probe").time(T0 + i * 1000L, TimeUnit.MILLISECONDS)
          .tag("site", "test").addField("i", (long) i).build());
    }
  }

  private static long count(InfluxDB db) {
    var r = db.query(new Query("SELECT count(i) FROM probe", "outage")).getResults().get(0).getSeries();
    return r == null ? 0 : ((Number) r.get(0).getValues().get(0).get(1)).longValue();
  }
}
