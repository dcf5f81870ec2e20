package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandSpecsTest {
  private static final CommandSpecs SPECS = CommandSpecs.load();

  private static CommandSpec find(String path) {
    return SPECS.find(path).orElseThrow();
  }

  @Test
  void find_aliasesReachTheirCanonicalCommand() {
    assertEquals("container ls", find("ps").path());
    assertEquals("container ls", find("container list").path());
    assertEquals("container ls", find("container ps").path());
    assertEquals("image rm", find("rmi").path());
    assertEquals("image rm", find("image remove").path());
    assertEquals("image ls", find("images").path());
    assertEquals("container run", find("run").path());
    assertEquals("info", find("system info").path());
    assertEquals("network rm", find("network remove").path());
    assertTrue(SPECS.find("nosuch").isEmpty());
    assertTrue(SPECS.find("image list x").isEmpty());
  }

  @Test
  void find_showsTheNameAndUsageTheCliShowsForThatPath() {
    assertEquals("ps", find("ps").helpName());
    assertEquals("docker ps [OPTIONS]", find("ps").usage());
    // Cobra names a command by its own name, never by the alias typed.
    assertEquals("container ls", find("container list").helpName());
    assertEquals("docker container ls [OPTIONS]", find("container list").usage());
    assertTrue(find("container list").helpText().contains("Aliases:\n  ls, ps, list\n"));
    assertTrue(find("rmi").helpText().startsWith("\nUsage:  docker rmi [OPTIONS] IMAGE"));
    assertEquals("docker system info [OPTIONS]", find("system info").usage());
  }

  @Test
  void all_namesEachCommandOnce_withItsShortcutAsHelpName() {
    CommandSpec ps =
        SPECS.all().stream().filter(s -> s.path().equals("container ls")).findFirst().orElseThrow();
    assertEquals("ps", ps.helpName());
    assertTrue(ps.aliases().containsAll(List.of("ps", "container list", "container ps")));
    assertEquals(
        SPECS.all().size(), SPECS.all().stream().map(CommandSpec::path).distinct().count());
  }

  @Test
  void flags_comeFromTheHelpText_withTypesAndDefaults() {
    CommandSpec run = find("container run");
    FlagSpec publish = run.flag("publish").orElseThrow();
    assertEquals(FlagKind.LIST, publish.kind());
    assertEquals(Optional.of('p'), publish.shortName());
    assertEquals(FlagKind.BOOL, run.flag("detach").orElseThrow().kind());
    assertEquals("int", run.flag("cpu-shares").orElseThrow().typeWord());
    assertEquals(FlagKind.STRING, run.flag("cpu-shares").orElseThrow().kind());
    assertEquals("gpu-request", run.flag("gpus").orElseThrow().typeWord());
    assertEquals(FlagKind.LIST, run.flag("sysctl").orElseThrow().kind());
    assertEquals(Optional.of("-1"), find("ps").flag("last").orElseThrow().defaultValue());
    assertEquals(Optional.of("10"), find("stop").flag("time").orElseThrow().defaultValue());
  }

  @Test
  void flags_everyOptionLineOfRunIsDeclared() {
    long optionLines =
        find("run").helpText().lines().filter(l -> l.matches("^  (-\\w, )?\\s*--\\w.*")).count();
    assertEquals(optionLines, find("run").flags().size());
  }

  @Test
  void arity_comesFromTheUsageLine_orTheTableWhereTheCliDiffers() {
    assertArity(1, -1, "rm");
    assertArity(0, 0, "ps");
    assertArity(2, 2, "rename");
    assertArity(2, -1, "exec");
    assertArity(1, -1, "run");
    assertArity(1, 2, "port");
    assertArity(1, 2, "commit");
    assertArity(0, 1, "images");
    assertArity(2, 2, "cp");
    assertArity(1, 1, "build");
    assertArity(0, -1, "stats");
    assertArity(1, -1, "top");
    assertArity(1, -1, "import");
    assertArity(0, 1, "volume create");
    assertArity(1, 1, "network create");
    assertArity(0, 1, "login");
  }

  private static void assertArity(int min, int max, String path) {
    CommandSpec s = find(path);
    assertEquals(List.of(min, max), List.of(s.minArgs(), s.maxArgs()), path);
  }

  @Test
  void interspersed_isOffOnlyForRunCreateAndExec() {
    assertFalse(find("run").interspersed());
    assertFalse(find("container create").interspersed());
    assertFalse(find("exec").interspersed());
    assertTrue(find("rm").interspersed());
  }

  @Test
  void realCommands_includeWhatTheHelpListsButIsNotDeclared() {
    assertTrue(SPECS.isRealCommand("events"));
    assertTrue(SPECS.isRealCommand("system df"));
    assertTrue(SPECS.isRealCommand("swarm"));
    assertFalse(SPECS.isRealCommand("container foo"));
    assertFalse(SPECS.isRealCommand("foo"));
  }

  @Test
  void root_hasTheGlobalOptions_andGroupsTheirHelp() {
    assertTrue(SPECS.root().flag("log-level").isPresent());
    assertEquals(Optional.of('H'), SPECS.root().flag("host").orElseThrow().shortName());
    assertTrue(
        SPECS.group("container").orElseThrow().helpText().startsWith("\nUsage:  docker container"));
    assertTrue(SPECS.group("system").isPresent());
    assertTrue(SPECS.group("swarm").isEmpty());
  }
}
