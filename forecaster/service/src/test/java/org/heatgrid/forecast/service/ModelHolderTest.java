package org.heatgrid.forecast.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that cannot be loaded leaves the service up, unready, with the reason. */
class ModelHolderTest {

  record Config(Path model, Optional<String> version, Path data, ZoneId zone, int maxHorizonHours)
      implements ForecastConfig {}

  @Test
  void missingStoreIsReportedNotThrownAtStartUp(@TempDir Path dir) {
    ModelHolder holder = new ModelHolder(new Config(dir.resolve("no-store"), Optional.empty(),
        dir.resolve("meters.csv"), ZoneId.of("Asia/Seoul"), 48));
    assertThatThrownBy(holder::reload).isInstanceOf(ReloadFailedException.class)
        .hasMessageContaining("no model store at").hasMessageContaining("no model is served");
    assertThat(holder.served()).isEmpty();
    assertThat(holder.failure()).contains("no-store");
    assertThatThrownBy(holder::current).isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("no model store at");
  }
}
