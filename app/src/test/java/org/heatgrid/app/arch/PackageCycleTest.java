package org.heatgrid.app.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of heatgrid depends on itself through others. This module sees every other (contract,
 * forecaster, controller core, gateway, control service, simulator and the app), so the rule here
 * covers the whole code base.
 */
class PackageCycleTest {

  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.heatgrid");

  @Test
  void everyModuleIsOnTheClassPath() {
    org.assertj.core.api.Assertions.assertThat(ALL.containPackage("org.heatgrid.wire")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ALL.containPackage("org.heatgrid.forecast.nn")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ALL.containPackage("org.heatgrid.control.mpc")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ALL.containPackage("org.heatgrid.gateway")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ALL.containPackage("org.heatgrid.control.service")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ALL.containPackage("org.heatgrid.sim.run")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ALL.containPackage("org.heatgrid.app")).isTrue();
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.heatgrid.(**)").should().beFreeOfCycles().check(ALL);
  }
}
