package org.heatgrid.control.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatgrid.control.loop.LoopFixtures.T0;
import static org.heatgrid.control.loop.LoopFixtures.reading;

import java.util.Set;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.wire.TelemetryMessage;
import org.junit.jupiter.api.Test;

class TelemetryInboxTest {

  private final TelemetryInbox inbox = new TelemetryInbox(Set.of("B01", "B02"));

  @Test
  void offer_acceptsNewerPeriodsAndKeepsTheLatest() {
    assertThat(inbox.offer(reading("B01", 0, T0, -3))).isEmpty();
    assertThat(inbox.offer(reading("B01", 1, T0.plus(LoopFixtures.STEP), -4))).isEmpty();
    assertThat(inbox.latest("B01").orElseThrow().seq()).isEqualTo(1);
    assertThat(inbox.accepted()).isEqualTo(2);
    assertThat(inbox.drain()).hasSize(2);
    assertThat(inbox.drain()).isEmpty();
  }

  @Test
  void offer_refusesUnknownBuilding() {
    assertThat(inbox.offer(reading("B99", 0, T0, -3))).contains(TelemetryRejection.UNKNOWN_BUILDING);
    assertThat(inbox.rejected(TelemetryRejection.UNKNOWN_BUILDING)).isEqualTo(1);
    assertThat(inbox.lastRejection().orElseThrow()).contains("B99");
  }

  @Test
  void offer_refusesReplayedAndDuplicatePeriods() {
    inbox.offer(reading("B01", 5, T0, -3));
    assertThat(inbox.offer(reading("B01", 5, T0, -3))).contains(TelemetryRejection.REPLAYED);
    assertThat(inbox.offer(reading("B01", 4, T0.minus(LoopFixtures.STEP), -3)))
        .contains(TelemetryRejection.REPLAYED);
    assertThat(inbox.rejected(TelemetryRejection.REPLAYED)).isEqualTo(2);
    assertThat(inbox.latest("B01").orElseThrow().seq()).isEqualTo(5);
  }

  @Test
  void offer_acceptsRestartedGatewayWhoseSeqStartsAgain() {
    inbox.offer(reading("B01", 57, T0, -3));
    assertThat(inbox.offer(reading("B01", 0, T0.plus(LoopFixtures.STEP), -3))).isEmpty();
  }

  @Test
  void offer_refusesInfiniteValuesButKeepsUnreadableSensorsAsNaN() {
    Telemetry inf = new Telemetry("B02", Double.POSITIVE_INFINITY, 110, 60, 2, 50, 40, 8,
        new double[] {21}, -3, false);
    assertThat(inbox.offer(new TelemetryMessage(0, T0.minus(LoopFixtures.STEP), T0, inf)))
        .contains(TelemetryRejection.NON_FINITE);
    Telemetry nan = new Telemetry("B02", Double.NaN, 110, 60, 2, 50, 40, 8,
        new double[] {Double.NaN}, Double.NaN, false);
    assertThat(inbox.offer(new TelemetryMessage(0, T0.minus(LoopFixtures.STEP), T0, nan))).isEmpty();
  }

  @Test
  void snapshot_leavesOutOldTelemetry() {
    inbox.offer(reading("B01", 0, T0, -3));
    inbox.offer(reading("B02", 0, T0.plus(LoopFixtures.STEP.multipliedBy(4)), -3));
    assertThat(inbox.snapshot(T0.plus(LoopFixtures.STEP)).keySet()).containsExactly("B02");
  }
}
