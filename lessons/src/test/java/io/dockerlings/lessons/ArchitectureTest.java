package io.dockerlings.lessons;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The lessons module's boundaries: it reads engines only through the simulator's root contract
 * ({@code DockerEngine}, {@code EngineSnapshot}, {@code CommandResult}...), never the simulator's
 * internals, a terminal library, the shell or the real runtime; and its packages have no cycles.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dockerlings.lessons");

  @Test
  void lessons_useOnlyTheEngineContract() {
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
            "io.dockerlings.real..",
            "org.jline..",
            "org.testcontainers..",
            "com.github.dockerjava..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void packages_haveNoCycles() {
    slices()
        .matching("io.dockerlings.lessons.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(CLASSES);
  }
}
