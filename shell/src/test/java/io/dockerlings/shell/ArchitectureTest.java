package io.dockerlings.shell;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Who may use JLine and how the shell reaches the simulator. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dockerlings");

  @Test
  void shell_usesOnlyTheSimulatorsRootPackage() {
    noClasses()
        .that()
        .resideInAPackage("io.dockerlings.shell..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.dockerlings.simulator..")
                .and(not(resideInAPackage("io.dockerlings.simulator"))))
        .check(CLASSES);
  }

  @Test
  void onlyTheShell_usesJLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.dockerlings.shell..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jline..")
        .check(CLASSES);
  }

  @Test
  void withinTheShell_onlyTheConsoleOnJLineTouchesJLine() {
    // The console on JLine, the opening of the process's terminal and JLine's native library.
    noClasses()
        .that()
        .haveNameNotMatching(
            "io\\.dockerlings\\.shell\\.(JLineConsole|TerminalOpening|NativeLibrary)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jline..")
        .check(CLASSES);
  }
}
