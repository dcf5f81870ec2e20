package io.dockerlings.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shell reaches the simulator only through its public entry package. */
@AnalyzeClasses(packages = "io.dockerlings", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule shellUsesOnlyTheSimulatorsEntryPackage =
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

  @ArchTest
  static final ArchRule onlyTheJLineConsoleTouchesJLine =
      noClasses()
          .that()
          .doNotHaveSimpleName("JLineConsole")
          .and()
          .doNotHaveSimpleName("JLineConsole$DockerCompleter")
          .and()
          .doNotHaveSimpleName("JLineConsole$CommandHighlighter")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.jline..");
}
