package org.heatgrid.control.service.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.heatgrid.site.BuildingInfo;
import org.heatgrid.site.SiteFile;
import org.junit.jupiter.api.Test;

class SiteFileTest {

  private static final String CAMPUS = "classpath:sites/campus16.json";

  private static List<String> ids(List<String> only) {
    return SiteFile.read(CAMPUS, only).buildings().stream().map(BuildingInfo::id).toList();
  }

  @Test
  void read_withoutSubset_keepsEveryBuilding() {
    assertThat(ids(List.of())).hasSize(16).startsWith("B01").endsWith("B16");
  }

  /** Regression: the first ids of the file used to empty the filter, which then let every later building in. */
  @Test
  void read_subsetAtTheStartOfTheFile_keepsOnlyThatSubset() {
    assertThat(ids(List.of("B01", "B02", "B03"))).containsExactly("B01", "B02", "B03");
  }

  @Test
  void read_subsetInAnyOrder_keepsTheFileOrder() {
    assertThat(ids(List.of("B16", "B05"))).containsExactly("B05", "B16");
  }

  @Test
  void read_unknownBuilding_namesIt() {
    assertThatThrownBy(() -> ids(List.of("B01", "B77")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[B77]")
        .hasMessageContaining(CAMPUS);
  }
}
