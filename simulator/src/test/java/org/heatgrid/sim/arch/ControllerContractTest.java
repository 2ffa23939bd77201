package org.heatgrid.sim.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.heatgrid.control.api.Controller;
import org.junit.jupiter.api.Test;

/**
 * Honesty rule 1 as structure: a controller sees only what a real one would. The controller
 * modules do not depend on the simulator (Maven enforces the direction; this test re-checks it on
 * the classes), no controller touches the plant's package, and the plant exposes no parameters.
 */
class ControllerContractTest {

  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.heatgrid");

  @Test
  void controlCodeDoesNotDependOnTheSimulator() {
    noClasses().that().resideInAnyPackage("org.heatgrid.control..", "org.heatgrid.site..",
            "org.heatgrid.tariff..", "org.heatgrid.weather..", "org.heatgrid.calendar..")
        .should().dependOnClassesThat().resideInAPackage("org.heatgrid.sim..")
        .check(ALL);
  }

  @Test
  void noControllerReachesThePlant() {
    noClasses().that().implement(Controller.class)
        .should().dependOnClassesThat().resideInAPackage("org.heatgrid.sim.plant..")
        .because("a controller may see telemetry, forecasts, tariff and schedules only")
        .check(ALL);
  }

  @Test
  void onlyTheOracleIsGivenTheTruth() {
    classes().that().implement(org.heatgrid.sim.run.TruthObserver.class)
        .should().resideInAPackage("org.heatgrid.sim.oracle")
        .because("the plant's true state goes to the oracle only, which says so in every report")
        .check(ALL);
  }

  @Test
  void theMpcIsAControllerLikeAnyOther() {
    noClasses().that().resideInAPackage("org.heatgrid.control.mpc..")
        .should().dependOnClassesThat().resideInAnyPackage("org.heatgrid.sim..")
        .because("the MPC learns from telemetry history only")
        .check(ALL);
  }

  @Test
  void theContractCarriesNoPlantTypes() {
    noClasses().that().resideInAPackage("org.heatgrid.control.api..")
        .should().dependOnClassesThat().resideInAnyPackage("org.heatgrid.sim..")
        .check(ALL);
  }

  @Test
  void thePlantsPhysicsIsPackagePrivate() {
    Set<String> surface = Set.of("Plant", "BuildingSpec", "BuildingType", "EnergyLedger", "StepResult");
    classes().that().resideInAPackage("org.heatgrid.sim.plant")
        .and().areTopLevelClasses()
        .and().haveModifier(JavaModifier.PUBLIC)
        .should().haveNameMatching(".*\\.(" + String.join("|", surface) + ")")
        .check(ALL);
  }

  @Test
  void onlyTheSimulationLoopDrivesThePlant() {
    noClasses().that().resideOutsideOfPackages("org.heatgrid.sim.plant..", "org.heatgrid.sim.run..",
            "org.heatgrid.sim.scenario..", "org.heatgrid.sim.commission..")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.heatgrid.sim.plant.Plant")
        .check(ALL);
  }
}
