package io.dockerlings.lessons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  private final Explainer explainer = new Explainer(ErrorCatalogue.load());
  private final DockerSimulator sim = DockerSimulator.create();
  private final KnownNames names = KnownNames.of(sim);

  private Note explain(String line) {
    List<String> argv = List.of(line.split(" "));
    CommandResult r = sim.execute(argv, "");
    return explainer.explain(argv, r.exitCode(), r.stdout(), r.stderr(), names).orElseThrow();
  }

  @Test
  void unknownCommand_suggestsTheNearestCommand() {
    Note n = explain("docker rnu busybox");
    assertEquals("unknown-command", n.id());
    assertEquals(List.of("docker run"), n.suggestions());
  }

  @Test
  void unknownFlag_suggestsFromTheCommandsOwnFlags() {
    assertEquals(List.of("--memory"), explain("docker run --memroy 10m busybox").suggestions());
    assertEquals(List.of("--format"), explain("docker ps --formt x").suggestions());
    assertEquals(
        List.of("--cpuset-cpus", "--cpuset-mems"),
        explain("docker run --cpuset 0 busybox").suggestions());
  }

  @Test
  void unknownSubcommand_suggestsFromDockersOwnList() {
    Note n = explain("docker network lss");
    assertEquals("unknown-subcommand", n.id());
    assertEquals(List.of("docker network ls"), n.suggestions());
  }

  @Test
  void namesOneEditAway_areSuggested_andFarOnesAreNot() {
    sim.execute(List.of("docker", "run", "-d", "--name", "web", "busybox", "sleep", "100"), "");
    assertEquals(List.of("web"), explain("docker stop wbe").suggestions());
    assertEquals(List.of(), explain("docker stop database").suggestions());
    assertEquals(List.of("busybox"), explain("docker rmi busybx").suggestions());
  }

  @Test
  void execFailureOnStdout_isExplained() {
    sim.execute(List.of("docker", "run", "-d", "--name", "web", "busybox", "sleep", "100"), "");
    Note n = explain("docker exec web bash");
    assertEquals("exec-not-found", n.id());
    assertTrue(n.cause().en().contains("bash"));
  }

  @Test
  void explainText_ofUnknownText_isEmpty() {
    assertTrue(explainer.explainText("all good", names).isEmpty());
  }

  @Test
  void wrongNumberOfArguments_saysWhatTheCommandTakes_inBothLanguages() {
    Note n = explain("docker inspect");
    assertEquals("needs-arguments", n.id());
    assertTrue(n.cause().en().contains("it takes at least 1 argument"), n.cause().en());
    assertTrue(n.cause().zh().contains("参数个数不对"), n.cause().zh());
  }
}
