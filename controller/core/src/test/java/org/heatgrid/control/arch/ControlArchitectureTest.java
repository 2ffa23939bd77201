package org.heatgrid.control.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The controller sees forecasts through the contract's interfaces only: the Deeplearning4j network
 * and its backend stay in the forecaster, so that the MPC can be built, tested and deployed without
 * them, and another forecaster can take the network's place.
 */
class ControlArchitectureTest {

  private static final JavaClasses CONTROL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.heatgrid.control");

  @Test
  void controlCodeDoesNotTouchDeeplearning4j() {
    noClasses().that().resideInAPackage("org.heatgrid.control..")
        .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..",
            "org.bytedeco..", "org.heatgrid.forecast.nn..")
        .because("the network lives in forecaster/")
        .check(CONTROL);
  }

  @Test
  void controlCodeSeesTheNetworksLoadForecastOnlyThroughTheContract() {
    noClasses().that().resideInAPackage("org.heatgrid.control..")
        .should().dependOnClassesThat()
        .haveFullyQualifiedName("org.heatgrid.forecast.load.NetworkLoadForecast")
        .because("the MPC sees only the contract's LoadForecast")
        .check(CONTROL);
  }
}
