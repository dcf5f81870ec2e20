package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Builtins that the long hostile-input fuzz found answered by the simulator's one-line fault;
 * expected texts from Docker Engine 20.10 with busybox 1.35 (golden shell/fuzz-findings).
 */
class BuiltinsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 7));

  private CommandResult inContainer(String script) {
    return sim.execute(List.of("docker", "run", "--rm", "busybox", "sh", "-c", script));
  }

  @Test
  void eval_ofASyntaxError_endsTheScriptWith2() {
    CommandResult r = inContainer("eval$1$1 }; echo after");
    assertEquals(2, r.exitCode());
    assertEquals("", r.stdout());
    assertEquals("sh: eval: line 0: syntax error: unexpected \"}\"\n", r.stderr());
  }

  @Test
  void eval_ofAnUnfinishedIf_expectsThen() {
    CommandResult r = inContainer("eval if");
    assertEquals(2, r.exitCode());
    assertEquals(
        "sh: eval: line 0: syntax error: unexpected end of file (expecting \"then\")\n",
        r.stderr());
  }

  @Test
  void eval_ofASyntaxErrorOnAHostLine_isTheShellsError() {
    // Fuzz seed 11, line 4763: a host line.
    CommandResult r = sim.host("eval $1$1 ! done fi x");
    assertEquals(2, r.exitCode());
    assertEquals("sh: eval: line 0: syntax error: unexpected \"done\"\n", r.stderr());
  }

  @Test
  void eval_ofASyntaxErrorInAHostPipeline_failsOnlyItsStage() {
    // Fuzz seed 11, line 24104 (short form): the failing eval is the last stage of a pipe.
    CommandResult r = sim.host("echo x | eval } busybox true");
    assertEquals(2, r.exitCode());
    assertEquals("sh: eval: line 0: syntax error: unexpected \"}\"\n", r.stderr());
  }

  @Test
  void source_ofAFileWithASyntaxError_namesTheFileAndLine() {
    CommandResult r = inContainer("printf 'echo in; if\\ndone\\n' > /t; . /t; echo after");
    assertEquals(2, r.exitCode());
    assertEquals("", r.stdout());
    assertEquals("sh: /t: line 2: syntax error: unexpected \"done\"\n", r.stderr());
  }

  @Test
  void eval_ofAValidScript_stillRuns() {
    CommandResult r = inContainer("eval 'echo a; echo b'; echo $?");
    assertEquals(0, r.exitCode());
    assertEquals("a\nb\n0\n", r.stdout());
  }
}
