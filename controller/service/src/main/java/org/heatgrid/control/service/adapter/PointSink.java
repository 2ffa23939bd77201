package org.heatgrid.control.service.adapter;

import org.influxdb.dto.Point;

/** Where InfluxDB points go: the buffered InfluxDB writer, or files in the no-InfluxDB mode. */
public interface PointSink extends AutoCloseable {

  /** Takes a point; must not block on the network. */
  void write(Point point);

  /** Points waiting to be written. */
  default int buffered() {
    return 0;
  }

  /** Points given up: dropped beyond the buffer's bound, or refused by the database. */
  default long dropped() {
    return 0;
  }

  /** Points written to their destination. */
  long written();

  @Override
  default void close() {}
}
