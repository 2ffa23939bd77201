package org.heatgrid.control.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatgrid.control.loop.LoopFixtures.STEP;
import static org.heatgrid.control.loop.LoopFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.heatgrid.control.api.Command;
import org.heatgrid.control.api.Controller;
import org.heatgrid.control.api.Decision;
import org.heatgrid.control.api.Mode;
import org.heatgrid.control.api.Observation;
import org.heatgrid.control.api.PlanStep;
import org.heatgrid.control.baseline.BaselineSettings;
import org.heatgrid.control.baseline.HeatingCurveController;
import org.heatgrid.site.ComfortBand;
import org.heatgrid.site.Site;
import org.heatgrid.time.ManualClock;
import org.heatgrid.weather.WeatherForecast;
import org.heatgrid.wire.TelemetryMessage;
import org.junit.jupiter.api.Test;

class ControlLoopTest {

  private final Site site = LoopFixtures.site("B01", "B02");
  private final ManualClock clock = new ManualClock(T0.plusSeconds(5));
  private final LoopFixtures.ListOutbox outbox = new LoopFixtures.ListOutbox();
  private final TelemetryInbox inbox = new TelemetryInbox(Set.of("B01", "B02"));
  private final List<AuditEntry> audited = new ArrayList<>();
  private final OperatorState operator = new OperatorState(site, audited::add);
  private final List<Object> recorded = new ArrayList<>();
  private final Recorder recorder = new Recorder() {
    @Override
    public void telemetry(TelemetryMessage r) {
      recorded.add(r);
    }

    @Override
    public void setpoint(Setpoint s) {
      recorded.add(s);
    }

    @Override
    public void period(PeriodReport r) {
      recorded.add(r);
    }
  };
  private Function<Observation, Decision> decide = o -> new Decision(Map.of(
      "B01", Command.supply(45), "B02", new Command(50, 120)));
  private final FakeController controller = new FakeController();
  private WeatherSource weather = now -> PersistenceWeather.flat(now, STEP, 3, -2);

  private ControlLoop loop() {
    return new ControlLoop(LoopSettings.of(STEP, 1000), clock, controller,
        new HeatingCurveController(BaselineSettings.DEFAULTS),
        new LoopIo(inbox, outbox, now -> weather.forecast(now), recorder), operator);
  }

  private final class FakeController implements Controller {
    int starts;
    Observation seen;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public void start(Site s) {
      starts++;
    }

    @Override
    public Decision decide(Observation o) {
      seen = o;
      Decision d = decide.apply(o);
      return new Decision(d.commands(), id -> List.of(new PlanStep(T0.plus(STEP), 44, 90)));
    }
  }

  @Test
  void runOnce_publishesOneSetpointPerBuildingWithSeqValidityAndPlan() {
    ControlLoop loop = loop();
    inbox.offer(LoopFixtures.reading("B01", 3, T0, -4));
    PeriodReport r = loop.runOnce(clock.instant());

    assertThat(outbox.sent).hasSize(2);
    Setpoint b01 = outbox.last("B01");
    assertThat(b01.seq()).isEqualTo(1000);
    assertThat(b01.issuedAt()).isEqualTo(clock.instant());
    assertThat(b01.validUntil()).isEqualTo(clock.instant().plus(STEP.multipliedBy(2)));
    assertThat(b01.command()).isEqualTo(Command.supply(45));
    assertThat(b01.mode()).isEqualTo(Mode.AUTO);
    assertThat(b01.plan()).hasSize(1);
    assertThat(outbox.last("B02").command()).isEqualTo(new Command(50, 120));
    assertThat(controller.starts).isEqualTo(1);
    assertThat(controller.seen.telemetry()).containsOnlyKeys("B01");
    assertThat(r.telemetryBuildings()).isEqualTo(1);
    assertThat(r.published()).isEqualTo(2);
    assertThat(recorded).hasAtLeastOneElementOfType(TelemetryMessage.class)
        .hasAtLeastOneElementOfType(PeriodReport.class);

    clock.advance(STEP);
    loop.tick();
    assertThat(outbox.last("B01").seq()).isEqualTo(1001);
    assertThat(loop.counters().periods()).isEqualTo(2);
  }

  /** Regression: telemetry accepted after the last period was never recorded when the service stopped. */
  @Test
  void recordPendingTelemetry_recordsWhatArrivedAfterTheLastPeriod() {
    ControlLoop loop = loop();
    loop.runOnce(clock.instant());
    recorded.clear();
    inbox.offer(LoopFixtures.reading("B01", 4, T0.plus(STEP), -4));
    inbox.offer(LoopFixtures.reading("B02", 9, T0.plus(STEP), -4));

    assertThat(loop.recordPendingTelemetry()).isEqualTo(2);
    assertThat(recorded).hasSize(2).allMatch(o -> o instanceof TelemetryMessage);
    assertThat(loop.recordPendingTelemetry()).isZero();
  }

  @Test
  void tick_runsOncePerPeriodOnTheClock() {
    ControlLoop loop = loop();
    loop.tick();
    clock.advance(Duration.ofMinutes(5));
    loop.tick();
    loop.tick();
    assertThat(loop.counters().periods()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10)); // 00:15:05
    loop.tick();
    assertThat(loop.counters().periods()).isEqualTo(2);
    assertThat(outbox.sent).hasSize(4);
  }

  @Test
  void controllerException_givesTheHeatingCurveForThatPeriodAndIsCounted() {
    decide = o -> {
      throw new IllegalStateException("solver diverged");
    };
    ControlLoop loop = loop();
    PeriodReport r = loop.runOnce(clock.instant());
    assertThat(r.controllerFailed()).isTrue();
    assertThat(r.failure()).contains("solver diverged");
    assertThat(r.curveBuildings()).isEqualTo(2);
    assertThat(outbox.sent).hasSize(2);
    Setpoint s = outbox.last("B01");
    assertThat(s.mode()).isEqualTo(Mode.AUTO);
    assertThat(s.reason()).contains("baseline heating curve").contains("solver diverged");
    assertThat(s.command().supplySetpointC()).isBetween(21.0, 80.0);
    assertThat(loop.counters().controllerFailures()).isEqualTo(1);

    decide = o -> new Decision(Map.of("B01", Command.supply(45), "B02", Command.supply(45)));
    clock.advance(STEP);
    loop.tick();
    assertThat(outbox.last("B01").command()).isEqualTo(Command.supply(45));
  }

  @Test
  void missingOrUnusableCommand_givesTheHeatingCurveToThatBuildingOnly() {
    Map<String, Command> c = new HashMap<>();
    c.put("B01", Command.supply(Double.NaN));
    decide = o -> new Decision(c);
    ControlLoop loop = loop();
    PeriodReport r = loop.runOnce(clock.instant());
    assertThat(r.curveBuildings()).isEqualTo(2);
    assertThat(outbox.last("B01").reason()).contains("unusable command");
    assertThat(outbox.last("B02").reason()).contains("no command");

    c.put("B01", Command.supply(95)); // above the building's 80 C maximum
    c.put("B02", Command.supply(60));
    clock.advance(STEP);
    r = loop.runOnce(clock.instant());
    assertThat(r.curveBuildings()).isEqualTo(1);
    assertThat(outbox.last("B02").command()).isEqualTo(Command.supply(60));
  }

  @Test
  void override_isPublishedAtOnceAppliedUntilItExpiresThenAutoReturns() {
    ControlLoop loop = loop();
    loop.tick();
    Instant now = clock.instant();
    operator.setOverride(new OperatorOverride("B01", 62, now.plus(Duration.ofMinutes(7)), "inspection",
        "alice", now));
    clock.advance(Duration.ofSeconds(30));
    loop.tick(); // same period: a refresh for B01 only
    assertThat(outbox.sent).hasSize(3);
    Setpoint manual = outbox.last("B01");
    assertThat(manual.mode()).isEqualTo(Mode.MANUAL);
    assertThat(manual.command().supplySetpointC()).isEqualTo(62);
    assertThat(manual.reason()).contains("alice").contains("inspection");
    assertThat(manual.seq()).isEqualTo(1001);

    clock.advance(Duration.ofMinutes(7)); // expired, still the first period
    loop.tick();
    assertThat(outbox.sent).hasSize(4);
    assertThat(outbox.last("B01").mode()).isEqualTo(Mode.AUTO);
    assertThat(outbox.last("B01").command()).isEqualTo(Command.supply(45));
    assertThat(loop.counters().refreshes()).isEqualTo(2);
    assertThat(audited).extracting(AuditEntry::what).containsExactly("override.set");
  }

  @Test
  void modes_heatingCurveAndManualWithoutOverride() {
    ControlLoop loop = loop();
    operator.setMode("B01", Mode.HEATING_CURVE, "bob", "commissioning", clock.instant());
    operator.setMode("B02", Mode.MANUAL, "bob", "test", clock.instant());
    loop.runOnce(clock.instant());
    assertThat(outbox.last("B01").mode()).isEqualTo(Mode.HEATING_CURVE);
    assertThat(outbox.last("B02").mode()).isEqualTo(Mode.MANUAL);
    assertThat(outbox.last("B02").reason()).contains("without an active override");

    operator.setOverride(new OperatorOverride("B02", 55, clock.instant().plus(STEP.multipliedBy(8)), "hand",
        "bob", clock.instant()));
    loop.tick();
    assertThat(outbox.last("B02").command()).isEqualTo(Command.supply(55));
    assertThat(outbox.last("B02").mode()).isEqualTo(Mode.MANUAL);
  }

  @Test
  void failingOutboxRecorderAndWeather_doNotStopTheLoop() {
    outbox.failing = true;
    weather = now -> {
      throw new IllegalStateException("no forecast service");
    };
    ControlLoop loop = new ControlLoop(LoopSettings.of(STEP, 0), clock, controller,
        new HeatingCurveController(BaselineSettings.DEFAULTS),
        new LoopIo(inbox, outbox, now -> weather.forecast(now), new Recorder() {
          @Override
          public void setpoint(Setpoint s) {
            throw new IllegalStateException("disk full");
          }
        }), operator);
    PeriodReport r = loop.runOnce(clock.instant());
    assertThat(r.publishFailures()).isEqualTo(2);
    assertThat(loop.counters().publishFailures()).isEqualTo(2);
    assertThat(loop.counters().recorderFailures()).isEqualTo(2);
    assertThat(loop.counters().weatherFailures()).isEqualTo(1);
    assertThat(controller.seen.forecast().outdoorC(0)).isEqualTo(PersistenceWeather.DESIGN_OUTDOOR_C);

    outbox.failing = false;
    clock.advance(STEP);
    loop.tick();
    assertThat(outbox.sent).hasSize(2);
    assertThat(outbox.last("B01").seq()).isEqualTo(1); // seq 0 was used by the failed attempt
  }

  @Test
  void comfortChange_restartsTheControllerNextPeriod() {
    ControlLoop loop = loop();
    loop.runOnce(clock.instant());
    operator.setComfort("B01", new ComfortBand(19, 23, 15, 28), "carol", "tenant request",
        clock.instant());
    clock.advance(STEP);
    loop.runOnce(clock.instant());
    assertThat(controller.starts).isEqualTo(2);
    assertThat(operator.site().building("B01").orElseThrow().comfort().occupiedLowC()).isEqualTo(19);
    assertThat(audited).extracting(AuditEntry::what).containsExactly("comfort");
  }

  @Test
  void persistenceWeather_holdsTheMeanOutdoorReading() {
    inbox.offer(LoopFixtures.reading("B01", 0, T0, -4));
    inbox.offer(LoopFixtures.reading("B02", 0, T0, -2));
    WeatherForecast f = new PersistenceWeather(inbox, STEP, Duration.ofHours(1)).forecast(T0);
    assertThat(f.size()).isEqualTo(5);
    assertThat(f.outdoorC(4)).isEqualTo(-3);
  }
}
