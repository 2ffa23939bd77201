package org.heatgrid.forecast.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.heatgrid.forecast.data.MeterData;

/** SHA-256 of the training data: building ids, grid, and every value before the training end. */
public final class DataHash {

  private DataHash() {}

  public static String sha256(MeterData d, int end) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((d.start() + "|" + d.step() + "|" + String.join(",", d.buildings()) + "|" + end)
          .getBytes(StandardCharsets.UTF_8));
      ByteBuffer buf = ByteBuffer.allocate(8 * 3 * Math.max(1, end));
      for (int b = 0; b < d.buildings().size(); b++) {
        buf.clear();
        for (int k = 0; k < end; k++) {
          buf.putDouble(d.heatKw()[b][k]).putDouble(d.outdoorC()[b][k]).putDouble(d.ghiWm2()[b][k]);
        }
        md.update(buf.array(), 0, buf.position());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
