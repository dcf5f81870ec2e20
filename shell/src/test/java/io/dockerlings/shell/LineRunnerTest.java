package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineRunnerTest {
  private final FakeBackend backend = new FakeBackend();
  private final StringBuilder errors = new StringBuilder();

  private Optional<LineRunner.Ran> run(String line) {
    return LineRunner.run(line, backend, "", errors::append);
  }

  @Test
  void substitution_runsThroughTheBackend_beforeTheCommand() {
    backend.answer("docker ps -aq", CommandResult.of(0, "a1\nb2\n", ""));
    LineRunner.Ran ran = run("docker rm -f $(docker ps -aq)").orElseThrow();
    assertEquals(List.of("docker", "rm", "-f", "a1", "b2"), ran.argv());
    assertEquals(
        List.of(List.of("docker", "ps", "-aq"), List.of("docker", "rm", "-f", "a1", "b2")),
        backend.executed);
    assertEquals("ran docker rm -f a1 b2\n", ran.result().stdout());
  }

  @Test
  void substitutionErrors_areShown_andTheCommandStillRuns() {
    backend.answer("docker ps -q --bad", CommandResult.of(125, "", "unknown flag: --bad\n"));
    assertEquals(
        List.of("docker", "rm"), run("docker rm `docker ps -q --bad`").orElseThrow().argv());
    assertEquals("unknown flag: --bad\n", errors.toString());
  }

  @Test
  void onlyDockerCommands_areSubstituted() {
    assertEquals(List.of("docker", "rm"), run("docker rm $(ls /)").orElseThrow().argv());
    assertTrue(errors.toString().contains("only docker commands can be substituted: ls /"));
    assertEquals(1, backend.executed.size());
  }

  @Test
  void nestedSubstitution_runsInnermostFirst() {
    backend.answer("docker ps -q", CommandResult.of(0, "c1\n", ""));
    backend.answer("docker inspect c1", CommandResult.of(0, "web\n", ""));
    assertEquals(
        List.of("docker", "stop", "web"),
        run("docker stop $(docker inspect $(docker ps -q))").orElseThrow().argv());
  }

  @Test
  void unsplittableLine_runsNothing_andSaysWhy() {
    assertTrue(run("docker run 'x").isEmpty());
    assertEquals("dockerlings: unterminated quoted string\n", errors.toString());
    assertTrue(backend.executed.isEmpty());
  }
}
