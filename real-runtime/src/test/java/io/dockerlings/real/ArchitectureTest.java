package io.dockerlings.real;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The real runtime's boundaries: no terminal code, no shell module, no engine internals. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dockerlings.real");

  @Test
  void noTerminalAndNoShell() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jline..", "io.dockerlings.shell..")
        .check(CLASSES);
  }

  @Test
  void usesTheSimulatorOnlyThroughItsContractAndCli() {
    // The in-memory engine is the model to compare with, never a helper of the real one.
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dockerlings.simulator.engine..",
            "io.dockerlings.simulator.sh..",
            "io.dockerlings.simulator.fs..")
        .check(CLASSES);
  }

  @Test
  void onlyTheEntryPointsArePublic() {
    classes()
        .that()
        .arePublic()
        .should()
        .haveSimpleNameEndingWith("Engine")
        .orShould()
        .haveSimpleNameEndingWith("Options")
        .orShould()
        .haveSimpleNameEndingWith("Locator")
        .orShould()
        .haveSimpleNameEndingWith("Api")
        .orShould()
        .haveSimpleNameEndingWith("Exception")
        .orShould()
        .haveSimpleNameEndingWith("Paths")
        .orShould()
        .haveSimpleNameEndingWith("Limits")
        .check(CLASSES);
  }
}
