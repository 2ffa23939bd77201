package org.heatgrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.heatgrid.control.api.Mode;
import org.heatgrid.wire.SetpointMessage;
import org.heatgrid.wire.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetpointGuardTest {

  private static final Topics B01 = new Topics("campus16", "B01");
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  /** Each row: the setpoint (site, building, seq, minutes valid from T0, supply, mode), the gateway's last seq, minutes since T0, verdict. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      first setpoint               | campus16 | B01 | 0  | 15 | 50  | AUTO          | -1 | 0  | APPLY
      next seq                     | campus16 | B01 | 8  | 15 | 50  | AUTO          | 7  | 1  | APPLY
      seq may jump                 | campus16 | B01 | 90 | 15 | 50  | MANUAL        | 7  | 1  | APPLY
      redelivery                   | campus16 | B01 | 7  | 15 | 50  | AUTO          | 7  | 1  | DUPLICATE
      older seq                    | campus16 | B01 | 6  | 15 | 50  | AUTO          | 7  | 1  | STALE_SEQ
      another building             | campus16 | B02 | 8  | 15 | 50  | AUTO          | 7  | 1  | WRONG_BUILDING
      another site                 | other    | B01 | 8  | 15 | 50  | AUTO          | 7  | 1  | WRONG_BUILDING
      expired on arrival           | campus16 | B01 | 8  | 15 | 50  | AUTO          | 7  | 15 | EXPIRED
      still valid one minute before| campus16 | B01 | 8  | 15 | 50  | AUTO          | 7  | 14 | APPLY
      above circuit maximum        | campus16 | B01 | 8  | 15 | 85  | AUTO          | 7  | 1  | OUT_OF_RANGE
      curve mode ignores the value | campus16 | B01 | 8  | 15 | 85  | HEATING_CURVE | 7  | 1  | APPLY
      """)
  void check_decidesByBuildingSeqValidityAndRange(String name, String site, String building,
      long seq, int validMinutes, double supply, Mode mode, long lastSeq, int nowMinutes,
      String verdict) {
    SetpointMessage m = new SetpointMessage(site, building, seq, T0, T0.plusSeconds(60L * validMinutes),
        supply, null, mode, null, List.of());
    Optional<RejectReason> r = SetpointGuard.check(m, B01, lastSeq, T0.plusSeconds(60L * nowMinutes), 80);
    assertThat(r.map(Enum::name).orElse("APPLY")).isEqualTo(verdict);
  }
}
