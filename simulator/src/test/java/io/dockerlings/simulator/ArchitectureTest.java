package io.dockerlings.simulator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's layering: a pure library with no terminal, container client or GUI code, a
 * file-system package that stands on its own, and no way back into the shell module.
 *
 * <p>The rules are checked from plain JUnit tests rather than ArchUnit's own engine so that {@code
 * mvn -Dtest=ArchitectureTest} selects them like any other test.
 */
class ArchitectureTest {
  private static JavaClasses simulator;

  @BeforeAll
  static void importSimulatorClasses() {
    simulator =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dockerlings.simulator");
  }

  private static final ArchRule simulator_usesNoTerminalContainerClientOrGuiLibrary =
      noClasses()
          .that()
          .resideInAPackage("io.dockerlings.simulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.jline..",
              "org.testcontainers..",
              "com.github.dockerjava..",
              "java.awt..",
              "javax.swing..")
          .because("the simulator is a library that the shell, tests and tools embed");

  private static final ArchRule fs_dependsOnNoOtherSimulatorPackage =
      noClasses()
          .that()
          .resideInAPackage("io.dockerlings.simulator.fs..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.dockerlings.simulator..")
                  .and(not(resideInAPackage("io.dockerlings.simulator.fs.."))))
          .because("the file systems are the bottom layer that everything else builds on");

  private static final ArchRule subPackages_doNotDependOnTheShell =
      noClasses()
          .that()
          .resideInAPackage("io.dockerlings.simulator.(*)..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.dockerlings.shell..")
          .because("the shell depends on the simulator, never the other way round");

  private static final ArchRule simulator_doesNotDependOnTheShell =
      noClasses()
          .that()
          .resideInAPackage("io.dockerlings.simulator")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.dockerlings.shell..")
          .because("the shell depends on the simulator, never the other way round");

  @Test
  void simulator_usesNoTerminalContainerClientOrGuiLibrary() {
    simulator_usesNoTerminalContainerClientOrGuiLibrary.check(simulator);
  }

  @Test
  void fs_dependsOnNoOtherSimulatorPackage() {
    fs_dependsOnNoOtherSimulatorPackage.check(simulator);
  }

  @Test
  void subPackages_doNotDependOnTheShell() {
    subPackages_doNotDependOnTheShell.check(simulator);
  }

  @Test
  void rootPackage_doesNotDependOnTheShell() {
    simulator_doesNotDependOnTheShell.check(simulator);
  }

  @Test
  void importer_foundTheSimulatorClasses() {
    assertTrue(simulator.containPackage("io.dockerlings.simulator.fs"), "nothing imported");
    assertTrue(simulator.contain(DockerSimulator.class), "DockerSimulator not imported");
  }
}
