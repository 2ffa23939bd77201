package org.heatgrid.learn.record;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Reads a site's record back from the InfluxDB 1.x database the control service writes to
 * (measurements {@code telemetry} and {@code forecast}, tag {@code site}), with the same client
 * (influxdb-java) the service writes with. A row that cannot be used is rejected with its time and
 * reason; an unreachable database or a failed query is a {@link RecordException}.
 */
public final class InfluxRecords {

  private InfluxRecords() {}

  public static SiteRecord read(String url, String database, String site) {
    String source = url + " database " + database;
    SiteRecord record = new SiteRecord(source);
    try (InfluxDB db = InfluxDBFactory.connect(url)) {
      db.disableBatch();
      QueryResult telemetry = db.query(query(
          "SELECT * FROM telemetry WHERE \"site\" = $site", database, site), TimeUnit.MILLISECONDS);
      eachRow(source, telemetry, (where, row) -> {
        Object building = row.get("building");
        if (building == null) {
          throw new IllegalArgumentException("telemetry row without a building tag");
        }
        record.put(time(row), TelemetryFields.of(building.toString(), row));
      }, record);
      QueryResult ghi = db.query(query("SELECT ghi_wm2 FROM forecast WHERE \"site\" = $site AND lead = 0",
          database, site), TimeUnit.MILLISECONDS);
      eachRow(source, ghi, (where, row) -> record.ghi(time(row),
          TelemetryFields.number(row, "ghi_wm2")), record);
      QueryResult sites = db.query(new Query("SHOW TAG VALUES FROM telemetry WITH KEY = \"site\"",
          database));
      eachRow(source, sites, (where, row) -> {
        Object v = row.get("value");
        if (v != null && !v.toString().equals(site)) {
          record.otherSite(v.toString());
        }
      }, record);
    } catch (RecordException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RecordException("cannot read the record from InfluxDB at " + source + ": "
          + e.getMessage(), e);
    }
    return record;
  }

  private static Query query(String text, String database, String site) {
    return BoundParameterQuery.QueryBuilder.newQuery(text).forDatabase(database).bind("site", site)
        .create();
  }

  private interface RowHandler {
    void accept(String where, Map<String, Object> row);
  }

  private static void eachRow(String source, QueryResult result, RowHandler h, SiteRecord record) {
    if (result.hasError()) {
      throw new RecordException("InfluxDB at " + source + " refused the query: " + result.getError());
    }
    for (QueryResult.Result r : result.getResults()) {
      if (r.hasError()) {
        throw new RecordException("InfluxDB at " + source + " refused the query: " + r.getError());
      }
      if (r.getSeries() == null) {
        continue;
      }
      for (QueryResult.Series s : r.getSeries()) {
        List<String> columns = s.getColumns();
        for (List<Object> values : s.getValues()) {
          Map<String, Object> row = new HashMap<>();
          for (int c = 0; c < columns.size(); c++) {
            if (values.get(c) != null) {
              row.put(columns.get(c), values.get(c));
            }
          }
          String where = s.getName() + " at " + (row.get("time") instanceof Number n
              ? Instant.ofEpochMilli(n.longValue()).toString() : String.valueOf(row.get("time")));
          try {
            h.accept(where, row);
          } catch (IllegalArgumentException e) {
            record.reject(where, e.getMessage());
          }
        }
      }
    }
  }

  private static Instant time(Map<String, Object> row) {
    Object t = row.get("time");
    if (!(t instanceof Number n)) {
      throw new IllegalArgumentException("no time");
    }
    return Instant.ofEpochMilli(n.longValue());
  }
}
