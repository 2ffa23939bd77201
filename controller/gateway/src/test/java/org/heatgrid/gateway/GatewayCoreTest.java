package org.heatgrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.Telemetry;
import org.heatgrid.fallback.LocalFallback;
import org.heatgrid.time.ManualClock;
import org.heatgrid.wire.GatewayState;
import org.heatgrid.wire.PayloadCodec;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.StatusMessage;
import org.heatgrid.wire.TelemetryMessage;
import org.heatgrid.wire.Topics;
import org.junit.jupiter.api.Test;

/** The gateway's decisions without a broker: a fake clock, a recording outbox. */
class GatewayCoreTest {

  private static final Instant T0 = Instant.parse("2026-01-05T00:05:00Z");
  private static final Topics B01 = new Topics("campus16", "B01");
  private static final PayloadCodec CODEC = new PayloadCodec();

  private final ManualClock clock = new ManualClock(T0);
  private final SimulatedSubstation substation = new SimulatedSubstation(clock, "B01", -5);
  private final List<StatusMessage> statuses = new ArrayList<>();
  private final List<TelemetryMessage> telemetry = new ArrayList<>();
  private final GatewayCounters counters = new GatewayCounters();
  private final GatewayCore core = core(substation);

  @Test
  void begin_runsTheCurveAndSaysFallback() {
    core.begin();
    assertThat(substation.lastCommand()).isEqualTo(LocalFallback.command(substation.outdoorC(), 80));
    assertThat(last().state()).isEqualTo(GatewayState.FALLBACK);
    assertThat(last().reason()).isEqualTo("no setpoint received since start");
    assertThat(last().lastSetpointSeq()).isNull();
  }

  @Test
  void setpoint_isAppliedAndHeldUntilValidUntil_thenCurve() {
    core.begin();
    core.onSetpoint(setpoint(3, 50, Mode.AUTO, 15));
    assertThat(substation.lastCommand()).isEqualTo(Command.supply(50));
    assertThat(last().state()).isEqualTo(GatewayState.ONLINE);
    assertThat(last().lastSetpointSeq()).isEqualTo(3L);

    clock.advance(Duration.ofMinutes(14).plusSeconds(59));
    core.tick();
    assertThat(core.state()).isEqualTo(GatewayState.ONLINE);

    clock.advance(Duration.ofSeconds(1));
    core.tick();
    assertThat(core.state()).isEqualTo(GatewayState.FALLBACK);
    assertThat(last().reason()).isEqualTo("setpoint 3 expired at 2026-01-05T00:20:00Z");
    assertThat(last().since()).isEqualTo(T0.plusSeconds(900));
    assertThat(substation.lastCommand()).isEqualTo(LocalFallback.command(substation.outdoorC(), 80));
    assertThat(counters.fallbacks()).isEqualTo(1);
  }

  @Test
  void rejection_inFallbackIsReportedInStatus_whileOnlineStatusStays() {
    core.begin();
    core.onSetpoint("{".getBytes(StandardCharsets.UTF_8));
    assertThat(last().state()).isEqualTo(GatewayState.FALLBACK);
    assertThat(last().reason()).startsWith("no valid setpoint; last message rejected (malformed): "
        + "setpoint payload, field $: not JSON");

    core.onSetpoint(setpoint(5, 50, Mode.AUTO, 15));
    int before = statuses.size();
    core.onSetpoint(setpoint(4, 50, Mode.AUTO, 15));
    assertThat(statuses).hasSize(before);
    assertThat(counters.setpointsRejected(RejectReason.STALE_SEQ)).isEqualTo(1);
    assertThat(core.heldSetpoint().orElseThrow().seq()).isEqualTo(5);
  }

  @Test
  void heatingCurveMode_isOnlineOnTheCurveAndReportedInTelemetry() {
    core.begin();
    core.onSetpoint(setpoint(1, 99, Mode.HEATING_CURVE, 60));
    assertThat(core.state()).isEqualTo(GatewayState.ONLINE);
    assertThat(substation.lastCommand()).isEqualTo(LocalFallback.command(substation.outdoorC(), 80));
    clock.advance(Duration.ofMinutes(25));
    core.tick();
    core.tick();
    assertThat(telemetry).hasSize(1);
    assertThat(telemetry.get(0).telemetry().localFallback()).isTrue();
  }

  @Test
  void telemetry_periodsAlignToThePeriodGrid_andAClockJumpMakesOneLongPeriod() {
    core.begin();
    core.onSetpoint(setpoint(1, 50, Mode.AUTO, 600));
    clock.advance(Duration.ofMinutes(10)); // 00:15
    core.tick();
    clock.advance(Duration.ofMinutes(15)); // 00:30
    core.tick();
    clock.advance(Duration.ofMinutes(100)); // 02:10
    core.tick();

    assertThat(telemetry).extracting(TelemetryMessage::seq).containsExactly(0L, 1L, 2L);
    assertThat(telemetry).extracting(TelemetryMessage::periodStart).containsExactly(T0,
        Instant.parse("2026-01-05T00:15:00Z"), Instant.parse("2026-01-05T00:30:00Z"));
    assertThat(telemetry).extracting(TelemetryMessage::periodEnd).containsExactly(
        Instant.parse("2026-01-05T00:15:00Z"), Instant.parse("2026-01-05T00:30:00Z"),
        Instant.parse("2026-01-05T02:00:00Z"));
    // First period began on the curve; the later ones ran the controller's setpoint.
    assertThat(telemetry).extracting(m -> m.telemetry().localFallback()).containsExactly(true, false, false);
  }

  @Test
  void failingSubstation_isLoggedAndCounted_neverThrown() {
    Substation broken = new Substation() {
      @Override
      public Telemetry read() {
        throw new IllegalStateException("meter bus down");
      }

      @Override
      public double outdoorC() {
        throw new IllegalStateException("sensor gone");
      }

      @Override
      public void apply(Command c) {
        throw new IllegalStateException("PLC refused");
      }
    };
    GatewayCore c = core(broken);
    c.begin();
    c.onSetpoint(setpoint(1, 50, Mode.AUTO, 15));
    clock.advance(Duration.ofMinutes(20));
    c.tick();
    assertThat(c.state()).isEqualTo(GatewayState.FALLBACK);
    assertThat(counters.telemetryDropped()).isEqualTo(1);
    assertThat(telemetry).isEmpty();
  }

  private GatewayCore core(Substation s) {
    GatewayConfig config = GatewayConfig.of("tcp://127.0.0.1:1", B01, "pw");
    return new GatewayCore(config, s, clock, CODEC, counters, new GatewayCore.Outbox() {
      @Override
      public void status(StatusMessage status) {
        statuses.add(status);
      }

      @Override
      public void telemetry(TelemetryMessage t) {
        telemetry.add(t);
      }
    });
  }

  private StatusMessage last() {
    return statuses.get(statuses.size() - 1);
  }

  private byte[] setpoint(long seq, double supply, Mode mode, int validMinutes) {
    Instant now = clock.instant();
    return CODEC.encode(new SetpointMessage("campus16", "B01", seq, now,
        now.plusSeconds(60L * validMinutes), supply, null, mode, null, List.of()));
  }
}
