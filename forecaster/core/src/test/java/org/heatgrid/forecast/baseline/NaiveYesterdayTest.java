package org.heatgrid.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.junit.jupiter.api.Test;

class NaiveYesterdayTest {

  private final NaiveYesterday naive = new NaiveYesterday();

  private MeterData data(double[]... heat) {
    double[][] temp = new double[heat.length][];
    for (int b = 0; b < heat.length; b++) {
      temp[b] = Synthetic.temperatureSeries();
    }
    List<String> ids = IntStream.range(0, heat.length).mapToObj(b -> "b" + b).toList();
    return Synthetic.data(ids, heat, temp);
  }

  private double[] predict(MeterData d, int issue, int horizon, int b) {
    naive.fit(d, issue, ZoneOffset.UTC);
    return naive.predict(new ForecastInput(d, issue, horizon, ZoneOffset.UTC), b);
  }

  @Test
  void predictsYesterdaysValuesExactly() {
    MeterData d = data(Synthetic.arxSeries());
    int issue = Synthetic.TRAIN_END;
    double[] yesterday = Arrays.copyOfRange(d.heatKw()[0], issue - 24, issue);
    assertThat(predict(d, issue, 24, 0)).containsExactly(yesterday);
    assertThat(naive.name()).isEqualTo("naive_24h");
  }

  @Test
  void longerHorizonsRepeatTheLastKnownDay() {
    MeterData d = data(Synthetic.arxSeries());
    int issue = Synthetic.TRAIN_END;
    double[] yesterday = Arrays.copyOfRange(d.heatKw()[0], issue - 24, issue);
    double[] p = predict(d, issue, 48, 0);
    assertThat(Arrays.copyOfRange(p, 24, 48)).containsExactly(yesterday);
  }

  @Test
  void missingYesterdayFallsBackToLastWeekThenLastKnownThenZero() {
    double[] heat = Synthetic.arxSeries();
    int issue = Synthetic.TRAIN_END;
    heat[issue - 24 + 3] = Double.NaN; // yesterday 03:00 missing -> a week before the target
    heat[issue - 24 + 5] = Double.NaN; // yesterday 05:00 and
    heat[issue - 168 + 5] = Double.NaN; // last week 05:00 missing -> last known value (23:00)
    double[] p = predict(data(heat, Synthetic.nans()), issue, 24, 0);
    assertThat(p[3]).isEqualTo(heat[issue - 168 + 3]);
    assertThat(p[5]).isEqualTo(heat[issue - 1]);
    assertThat(p[6]).isEqualTo(heat[issue - 24 + 6]);
    assertThat(predict(data(heat, Synthetic.nans()), issue, 24, 1)).containsOnly(0.0);
  }
}
