package org.heatgrid.control.service;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link StatusLoadBench} with the loop on the wall clock, as in operation; run:
 * {@code flock /tmp/heatgrid-mvn.lock ./mvnw -B -ntp -pl controller/service test
 * -DexcludedGroups=none -Dtest=StatusLoadBenchRealTime}
 */
@QuarkusTest
@WithTestResource(RealTimeServicesResource.class)
@Tag("bench")
class StatusLoadBenchRealTime {

  @TestHTTPResource("/api/status")
  URI status;

  @Test
  void status_at200PerSecondFor10s_printsLatencies() throws Exception {
    StatusLoadBench.measure(status, "loop on the wall clock");
  }
}
