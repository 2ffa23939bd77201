package org.heatgrid.forecast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.heatgrid.calendar.HolidayCalendar;
import org.heatgrid.forecast.data.MeterData;
import org.heatgrid.forecast.model.ForecastInput;
import org.heatgrid.forecast.nn.NetworkForecaster;
import org.heatgrid.forecast.nn.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

  static MeterData data;
  static NetworkForecaster net;
  static final int END = 60 * 24;

  @BeforeAll
  static void train() {
    data = StoreData.make();
    net = new NetworkForecaster(TrainingSettings.defaults(HolidayCalendar.korea()).withMaxEpochs(3).withMembers(2));
    net.fit(data, END, ZoneOffset.UTC);
  }

  static ModelInfo info() {
    return new ModelInfo(null, "2026-11-28T00:00:00Z", net.spec(), net.scaling(), data.time(0).toString(),
        data.time(END).toString(), DataHash.sha256(data, END), Map.of("members", net.reports().size()),
        Map.of("cvrmse", 12.5), "CpuBackend");
  }

  @Test
  void savedVersionsLoadAndForecastExactlyAsTrained(@TempDir Path store) {
    Path v1 = ModelStore.save(store, net, info());
    Path v2 = ModelStore.save(store, net, info());
    assertThat(v1.getFileName()).hasToString("v0001");
    assertThat(v2.getFileName()).hasToString("v0002");
    ModelStore.Loaded current = ModelStore.load(store);
    assertThat(current.info().version()).isEqualTo("v0002");
    assertThat(current.info().spec()).isEqualTo(net.spec());
    assertThat(current.info().dataSha256()).isEqualTo(DataHash.sha256(data, END)).hasSize(64);
    assertThat(current.info().metrics()).containsEntry("cvrmse", 12.5);
    assertThat(ModelStore.load(store, "v0001").info().version()).isEqualTo("v0001");
    assertThat(ModelStore.load(v1).info().version()).isEqualTo("v0001");
    ForecastInput in = new ForecastInput(data, END, 24, ZoneOffset.UTC);
    assertThat(current.forecaster().predictAll(in)).isDeepEqualTo(net.predictAll(in));
    assertThat(current.forecaster().networks()).hasSize(2);
  }

  @Test
  void theHashChangesWithTheData() {
    double[][] heat = data.heatKw().clone();
    heat[0] = heat[0].clone();
    heat[0][5] += 1;
    MeterData changed = new MeterData(data.start(), data.step(), data.buildings(), heat,
        data.outdoorC(), data.ghiWm2());
    assertThat(DataHash.sha256(changed, END)).isNotEqualTo(DataHash.sha256(data, END));
  }

  @Test
  void missingOrBrokenModelsAreRefusedWithTheFolder(@TempDir Path store) throws IOException {
    assertThatThrownBy(() -> ModelStore.load(store.resolve("nothing")))
        .hasMessageContaining("no model store at");
    assertThatThrownBy(() -> ModelStore.load(store, "v0042")).hasMessageContaining("no model version v0042");
    Path v = ModelStore.save(store, net, info());
    Files.writeString(v.resolve("model.json"), "{ not json");
    assertThatThrownBy(() -> ModelStore.load(store)).hasMessageContaining("cannot read model in")
        .hasMessageContaining(v.toString());
  }

  @Test
  void aSpecThatDoesNotFitTheNetworkIsRefused(@TempDir Path store) throws IOException {
    Path v = ModelStore.save(store, net, info());
    String json = Files.readString(v.resolve("model.json"));
    Files.writeString(v.resolve("model.json"), json.replace("\"use_ghi\" : true", "\"use_ghi\" : false"));
    assertThatThrownBy(() -> ModelStore.load(store)).hasMessageContaining("inputs but the feature specification");
  }
}
