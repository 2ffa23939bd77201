package org.heatgrid.forecast.nn;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Which ND4J backend and device this process computes on, for logs and the model store. */
public final class Backend {

  private Backend() {}

  /** Short name of the backend class, e.g. {@code CpuBackend} or {@code JCublasBackend}. */
  public static String name() {
    return Nd4j.getBackend().getClass().getSimpleName();
  }

  /** One line: backend, device and threads, from ND4J's own environment report. */
  public static String describe() {
    Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
    StringBuilder sb = new StringBuilder("ND4J backend ").append(name());
    Object devices = p.get("cuda.devicesInformation");
    if (devices != null) {
      sb.append(", devices ").append(devices);
    } else {
      sb.append(", device cpu");
    }
    for (String key : new String[] {"omp.threads", "blas.vendor", "cores"}) {
      if (p.get(key) != null) {
        sb.append(", ").append(key).append(' ').append(p.get(key));
      }
    }
    return sb.toString();
  }
}
