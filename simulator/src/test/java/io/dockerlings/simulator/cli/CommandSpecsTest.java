package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandSpecsTest {
  private static final CommandSpecs SPECS = CommandSpecs.load();

  @Test
  void find_aliasesReachTheirCanonicalCommand() {
    assertEquals("container ls", SPECS.find("ps").orElseThrow().path());
    assertEquals("container ls", SPECS.find("container list").orElseThrow().path());
    assertEquals("image rm", SPECS.find("rmi").orElseThrow().path());
    assertEquals("image ls", SPECS.find("images").orElseThrow().path());
    assertTrue(SPECS.find("nosuch").isEmpty());
  }

  @Test
  void flags_comeFromTheHelpText_withTypesAndDefaults() {
    CommandSpec run = SPECS.find("container run").orElseThrow();
    FlagSpec publish = run.flag("publish").orElseThrow();
    assertEquals(FlagKind.LIST, publish.kind());
    assertEquals(Optional.of('p'), publish.shortName());
    assertEquals(FlagKind.BOOL, run.flag("detach").orElseThrow().kind());
    assertEquals("int", run.flag("cpu-shares").orElseThrow().typeWord());
    assertEquals(
        Optional.of("-1"),
        SPECS.find("ps").orElseThrow().flag("last").orElseThrow().defaultValue());
  }

  @Test
  void helpFor_aShortcut_isItsOwnText_andAManagementPathNamesItself() {
    CommandSpec rm = SPECS.find("rm").orElseThrow();
    assertTrue(SPECS.helpFor("rm", rm).contains("Usage:  docker rm [OPTIONS] CONTAINER"));
    assertTrue(SPECS.helpFor("container rm", rm).contains("Usage:  docker container rm [OPTIONS]"));
  }
}
