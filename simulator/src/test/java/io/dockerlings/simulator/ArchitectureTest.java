package io.dockerlings.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The simulator's boundaries: no terminal or Docker client code, and layered packages. */
@AnalyzeClasses(
    packages = "io.dockerlings.simulator",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noTerminalOrDockerClients =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.jline..",
              "org.testcontainers..",
              "com.github.dockerjava..",
              "java.awt..",
              "javax.swing..");

  @ArchTest
  static final ArchRule simulatorNeverReachesTheShellModule =
      noClasses().should().dependOnClassesThat().resideInAPackage("io.dockerlings.shell..");

  @ArchTest
  static final ArchRule filesystemStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("io.dockerlings.simulator.fs..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dockerlings.simulator.engine..",
              "io.dockerlings.simulator.sh..",
              "io.dockerlings.simulator.cli..",
              "io.dockerlings.simulator.format..");

  @ArchTest
  static final ArchRule formattingKnowsNothingOfTheEngine =
      noClasses()
          .that()
          .resideInAPackage("io.dockerlings.simulator.format..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.dockerlings.simulator.engine..", "io.dockerlings.simulator.sh..");

  @ArchTest
  static final ArchRule shellLanguageKnowsNothingOfTheEngine =
      noClasses()
          .that()
          .resideInAPackage("io.dockerlings.simulator.sh..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dockerlings.simulator.engine..", "io.dockerlings.simulator.cli..");
}
