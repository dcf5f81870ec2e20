package io.dockerlings.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The simulator's boundaries: no terminal or Docker client code, and layered packages. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dockerlings.simulator");

  @Test
  void noTerminalOrDockerClients() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.jline..",
                "org.testcontainers..",
                "com.github.dockerjava..",
                "java.awt..",
                "javax.swing..");
    rule.check(CLASSES);
  }

  @Test
  void simulatorNeverReachesTheShellModule() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.dockerlings.shell..", "io.dockerlings.real..");
    rule.check(CLASSES);
  }

  @Test
  void filesystemStandsAlone() {
    ArchRule rule =
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
    rule.check(CLASSES);
  }

  @Test
  void formattingKnowsNothingOfTheEngine() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.dockerlings.simulator.format..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.dockerlings.simulator.engine..", "io.dockerlings.simulator.sh..");
    rule.check(CLASSES);
  }

  @Test
  void shellLanguageKnowsNothingOfTheEngine() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.dockerlings.simulator.sh..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.dockerlings.simulator.engine..", "io.dockerlings.simulator.cli..");
    rule.check(CLASSES);
  }

  @Test
  void notesKnowNothingOfTheRest() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.dockerlings.simulator.notes..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.dockerlings.simulator",
                "io.dockerlings.simulator.engine..",
                "io.dockerlings.simulator.sh..",
                "io.dockerlings.simulator.cli..",
                "io.dockerlings.simulator.fs..",
                "io.dockerlings.simulator.format..");
    rule.check(CLASSES);
  }
}
