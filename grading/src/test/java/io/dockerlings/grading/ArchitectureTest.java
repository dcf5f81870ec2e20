package io.dockerlings.grading;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The grading module's boundaries: engines only through the simulator's root contract (a real
 * engine comes in through {@link RealEngines}, which the launcher supplies), checks only through
 * the exercises and lessons modules, never the shell, a terminal library, the real runtime or the
 * simulator's internals; and nothing in exercises or lessons depends on grading.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.dockerlings.grading", "io.dockerlings.exercises", "io.dockerlings.lessons");

  @Test
  void grading_usesOnlyContracts() {
    noClasses()
        .that()
        .resideInAPackage("io.dockerlings.grading..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dockerlings.simulator.engine..",
            "io.dockerlings.simulator.cli..",
            "io.dockerlings.simulator.format..",
            "io.dockerlings.simulator.fs..",
            "io.dockerlings.simulator.sh..",
            "io.dockerlings.shell..",
            "org.jline..")
        .check(CLASSES);
  }

  @Test
  void exercisesAndLessons_doNotKnowGrading() {
    noClasses()
        .that()
        .resideInAnyPackage("io.dockerlings.exercises..", "io.dockerlings.lessons..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.dockerlings.grading..")
        .check(CLASSES);
  }

  @Test
  void grading_knowsTheRealEngineOnlyThroughTheContract() {
    noClasses()
        .that()
        .resideInAPackage("io.dockerlings.grading..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dockerlings.real..", "org.testcontainers..", "com.github.dockerjava..")
        .check(CLASSES);
  }
}
