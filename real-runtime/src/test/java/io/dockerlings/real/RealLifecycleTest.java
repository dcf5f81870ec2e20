package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealLifecycleTest {
  @TempDir Path state;
  private EnginePair both;

  @BeforeEach
  void open() throws Exception {
    both = EnginePair.open(state);
  }

  @AfterEach
  void close() {
    both.close();
  }

  @Test
  void unknownContainer_eachVerbWordsItAsTheCliDoes() {
    for (String line :
        new String[] {
          "docker start nope",
          "docker stop nope",
          "docker restart nope",
          "docker kill nope",
          "docker pause nope",
          "docker unpause nope",
          "docker rm nope",
          "docker rm -f nope",
          "docker rename nope dl-rc-other",
          "docker wait nope",
          "docker container stop nope",
          "docker start dl-rc-x nope dl-rc-y",
        }) {
      both.same(line);
    }
  }

  @Test
  void lifecycle_runPauseStopKillRestartRenameRm_matchesTheSimulator() {
    both.same("docker create --name dl-rc-life busybox sleep 1000");
    both.same("docker start dl-rc-life");
    both.same("docker start dl-rc-life");
    both.same("docker pause dl-rc-life");
    both.same("docker pause dl-rc-life");
    both.same("docker ps --filter name=dl-rc-life --format '{{.Names}} {{.State}}'");
    both.same("docker rm dl-rc-life");
    both.same("docker unpause dl-rc-life");
    both.same("docker unpause dl-rc-life");
    both.same("docker rm dl-rc-life");
    both.same("docker stop -t 1 dl-rc-life");
    both.same("docker stop dl-rc-life");
    both.same("docker kill dl-rc-life");
    both.same("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' dl-rc-life");
    both.same("docker restart -t 0 dl-rc-life");
    both.same("docker kill -s TERM dl-rc-life");
    both.same("docker kill dl-rc-life");
    both.same("docker wait dl-rc-life");
    both.same("docker rename dl-rc-life dl-rc-life2");
    both.same("docker rename dl-rc-life2 dl-rc-life2");
    both.same("docker rename dl-rc-life2 'bad name'");
    both.same("docker rm dl-rc-life2 dl-rc-life2");
  }

  @Test
  void kill_badSignal_isTheDaemonsRefusal() {
    both.same("docker run -d --name dl-rc-sig busybox sleep 1000");
    both.same("docker kill -s FOO dl-rc-sig");
    both.same("docker kill -s 9 dl-rc-sig");
  }

  @Test
  void startAttach_unknownOrSeveral_isRefusedAsTheCliDoes() {
    CommandResult missing = both.real("docker start -a nope");
    assertEquals("Error: No such container: nope\n", missing.stderr());
    assertEquals(1, missing.exitCode());
    CommandResult several = both.real("docker start -a nope1 nope2");
    assertEquals("you cannot start and attach multiple containers at once\n", several.stderr());
    assertEquals(1, several.exitCode());
  }

  @Test
  void startAttach_printsTheOutputAndExitStatusOfThatRunOnly() {
    both.real("docker create --name dl-rc-twice busybox sh -c 'echo hi; exit 7'");
    assertEquals(7, both.real("docker start -a dl-rc-twice").exitCode());
    CommandResult second = both.real("docker start -a dl-rc-twice");
    assertEquals("hi\n", second.stdout());
    assertEquals(7, second.exitCode());
  }

  @Test
  void otherSessionsContainer_isNotFoundByItsNameAndRefusedById() throws Exception {
    String id = both.real("docker run -d --name dl-rc-mine busybox sleep 1000").stdout().strip();
    try (EnginePair other = EnginePair.open(state)) {
      for (String verb : new String[] {"stop", "kill", "pause", "rm -f", "restart"}) {
        // Names are each session's own: the other session has no dl-rc-mine.
        CommandResult byName = other.real("docker " + verb + " dl-rc-mine");
        assertTrue(byName.stderr().contains("No such container: dl-rc-mine\n"), byName.stderr());
        // An id reaches the container, and the sandbox refuses it.
        CommandResult byId = other.real("docker " + verb + " " + id.substring(0, 12));
        assertEquals(1, byId.exitCode(), verb);
        assertEquals(
            "dockerlings: real mode leaves alone what it did not create: container "
                + id.substring(0, 12)
                + " is not part of this sandbox.\n",
            byId.stderr(),
            verb);
      }
    }
    assertEquals(
        "running\n", both.real("docker inspect -f '{{.State.Status}}' dl-rc-mine").stdout());
  }
}
