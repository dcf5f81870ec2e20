package io.dockerlings.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The shell reaches the simulator only through its public entry package. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dockerlings");

  @Test
  void shellUsesOnlyTheSimulatorsEntryPackage() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.dockerlings.shell..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.dockerlings.simulator.engine..",
                "io.dockerlings.simulator.cli..",
                "io.dockerlings.simulator.fs..",
                "io.dockerlings.simulator.sh..",
                "io.dockerlings.simulator.format..");
    rule.check(CLASSES);
  }

  @Test
  void onlyTheJLineConsoleTouchesJLine() {
    ArchRule rule =
        noClasses()
            .that()
            .haveNameNotMatching(".*\\.JLineConsole(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.jline..");
    rule.check(CLASSES);
  }
}
