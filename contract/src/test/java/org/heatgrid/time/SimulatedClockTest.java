package org.heatgrid.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Simulated time: held, released, sped up without a jump, stopped at a limit. */
class SimulatedClockTest {

  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void heldClock_staysAtItsStartUntilReleased() throws InterruptedException {
    SimulatedClock c = SimulatedClock.held(START, 1e6);
    Thread.sleep(5);
    assertThat(c.instant()).isEqualTo(START);
    c.release();
    Thread.sleep(5);
    assertThat(c.instant()).isAfter(START.plusSeconds(1000));
  }

  @Test
  void setSpeed_changesTheRateWithoutAJump() throws InterruptedException {
    SimulatedClock c = SimulatedClock.running(START, 1000);
    Thread.sleep(20);
    Instant before = c.instant();
    c.setSpeed(1);
    Instant after = c.instant();
    // At 1x only the wall time between the two calls passes: far less than a simulated second.
    assertThat(Duration.between(before, after)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(c.speed()).isEqualTo(1);
    assertThatThrownBy(() -> c.setSpeed(0)).hasMessageContaining("positive");
  }

  @Test
  void stopAt_holdsTimeAtTheLimit_untilCleared() throws InterruptedException {
    SimulatedClock c = SimulatedClock.running(START, 1e6);
    Instant limit = START.plus(Duration.ofHours(1));
    c.stopAt(limit);
    Thread.sleep(20); // 1e6 x 20 ms = 20 000 simulated s: well past the hour
    assertThat(c.instant()).isEqualTo(limit);
    c.clearLimit();
    Thread.sleep(5);
    assertThat(c.instant()).isAfter(limit);
  }
}
