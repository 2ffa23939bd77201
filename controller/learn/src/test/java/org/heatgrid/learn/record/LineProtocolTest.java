package org.heatgrid.learn.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One line of InfluxDB line protocol: what the service writes must parse, and a bad line says why. */
class LineProtocolTest {

  @Test
  void theServicesTelemetryLineParsesToTagsTypedFieldsAndTime() {
    // A line the control service wrote (campus16, B02): integers with i, booleans, floats.
    LineProtocol.Line l = LineProtocol.parse("telemetry,building=B02,site=campus16 heat_kw=0.0,"
        + "indoor_mean_c=21.4,local_fallback=true,outdoor_c=11.6,primary_flow_m3h=0.0,"
        + "primary_return_c=21.8,primary_supply_c=74.9,secondary_flow_m3h=0.0,"
        + "secondary_return_c=21.8,secondary_supply_c=21.8,seq=0i,zone_1_c=21.7,zone_2_c=21.1 "
        + "1761923700000");

    assertThat(l.measurement()).isEqualTo("telemetry");
    assertThat(l.tags()).containsExactly(entry("building", "B02"), entry("site", "campus16"));
    assertThat(l.fields()).hasSize(13).contains(entry("heat_kw", 0.0), entry("zone_2_c", 21.1),
        entry("local_fallback", true), entry("seq", 0.0), entry("primary_supply_c", 74.9));
    assertThat(l.timestamp()).isEqualTo(1761923700000L);
  }

  @Test
  void integerAndUnsignedSuffixesReadAsNumbersAndExponentsAreAccepted() {
    LineProtocol.Line l = LineProtocol.parse(
        "forecast,site=s issued_at_ms=1761923869699i,lead=0i,n=7u,x=-1.5e3 1761923869699");

    assertThat(l.fields()).containsExactly(entry("issued_at_ms", 1761923869699.0),
        entry("lead", 0.0), entry("n", 7.0), entry("x", -1500.0));
  }

  @ParameterizedTest
  @CsvSource({"t,true", "T,true", "true,true", "True,true", "TRUE,true",
      "f,false", "F,false", "false,false", "False,false", "FALSE,false"})
  void everyBooleanSpellingOfLineProtocolIsABoolean(String text, boolean value) {
    assertThat(LineProtocol.parse("m ok=" + text + " 1").fields()).containsEntry("ok", value);
  }

  @Test
  void escapedSpacesCommasAndEqualsSignsInMeasurementTagsAndFieldKeys() {
    LineProtocol.Line l = LineProtocol.parse(
        "my\\ meas\\,x,bu\\,ilding=B\\ 0\\=2,site=north\\ campus fi\\ eld\\=1=2.5 3");

    assertThat(l.measurement()).isEqualTo("my meas,x");
    assertThat(l.tags()).containsExactly(entry("bu,ilding", "B 0=2"), entry("site", "north campus"));
    assertThat(l.fields()).containsExactly(entry("fi eld=1", 2.5));
    assertThat(l.timestamp()).isEqualTo(3);
  }

  @Test
  void quotedStringsKeepSpacesCommasAndEscapedQuotesAndBackslashes() {
    // The service's loop and setpoint points carry strings; they must not break the line.
    LineProtocol.Line l = LineProtocol.parse(
        "loop,site=s failure=\"no telemetry, \\\"B01\\\" c:\\\\x\",published=3i 7");

    assertThat(l.fields()).containsExactly(entry("failure", "no telemetry, \"B01\" c:\\x"),
        entry("published", 3.0));
    assertThat(l.timestamp()).isEqualTo(7);
  }

  @Test
  void aLoneBackslashInAStringIsKept() {
    assertThat(LineProtocol.parse("loop,site=s path=\"C:\\temp\" 1").fields())
        .containsEntry("path", "C:\\temp");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "telemetry,site=s heat_kw=1.0 | no timestamp",
      "telemetry,site=s heat_kw=1.0 17619x | timestamp '17619x' is not an integer",
      "telemetry,site=s | no fields",
      "telemetry,site=s heat_kw 1 | field 'heat_kw' has no value",
      "telemetry,site=s heat_kw=1.0,secondary_fl | field 'secondary_fl' has no value",
      "telemetry,site=s heat_kw= 1 | field 'heat_kw': '' is not a value",
      "telemetry,site=s heat_kw=warm 1 | field 'heat_kw': 'warm' is not a value",
      "telemetry,site s=1 1 | tag 'site' is not key=value",
      "telemetry,=x s=1 1 | tag '=x' is not key=value",
      ",site=s v=1 1 | no measurement",
      "loop,site=s failure=\"cut off 1 | field 'failure': unterminated string"})
  void aBadLineIsRefusedSayingWhatIsWrong(String line, String problem) {
    assertThatThrownBy(() -> LineProtocol.parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
