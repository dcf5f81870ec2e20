package io.dockerlings.exercises;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The exercises module's boundaries: engines only through the simulator's root contract, goals only
 * through the lessons module, never the shell, grading, the real runtime or a terminal library; the
 * model knows nothing of submissions or checks; no package cycles.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dockerlings.exercises");

  @Test
  void exercises_useOnlyTheEngineContractAndLessons() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dockerlings.simulator.engine..",
            "io.dockerlings.simulator.cli..",
            "io.dockerlings.simulator.format..",
            "io.dockerlings.simulator.fs..",
            "io.dockerlings.simulator.sh..",
            "io.dockerlings.shell..",
            "io.dockerlings.grading..",
            "io.dockerlings.real..",
            "org.jline..",
            "org.testcontainers..")
        .check(CLASSES);
  }

  @Test
  void model_dependsOnNothingElseHere() {
    noClasses()
        .that()
        .resideInAPackage("io.dockerlings.exercises.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dockerlings.exercises.submission..", "io.dockerlings.exercises.check..")
        .check(CLASSES);
  }

  @Test
  void packages_haveNoCycles() {
    slices().matching("io.dockerlings.exercises.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
