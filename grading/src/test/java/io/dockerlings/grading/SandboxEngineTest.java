package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.EngineSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A volume's file and a registry's tags are the real engine's own answers; retries for names others
 * hold.
 */
class SandboxEngineTest {
  @Test
  void readVolumeFile_isTheRealEnginesOwn() {
    List<String> asked = new java.util.ArrayList<>();
    DockerEngine real =
        new io.dockerlings.simulator.ForwardingDockerEngine(new StandInEngine()) {
          @Override
          public Optional<String> readVolumeFile(String volume, String path) {
            asked.add(volume + " " + path);
            return volume.equals("notes") ? Optional.of("hi\n") : Optional.empty();
          }
        };
    SandboxEngine r = new SandboxEngine(real);
    assertEquals(Optional.of("hi\n"), r.readVolumeFile("notes", "/n"));
    assertEquals(Optional.empty(), r.readVolumeFile("other", "/n"));
    assertEquals(List.of("notes /n", "other /n"), asked);
  }

  /** An engine on which someone else holds the name "web" for the first {@code busy} tries. */
  private static final class Neighbour implements DockerEngine {
    private final int busy;
    private final List<String> ours;
    int tries;

    Neighbour(int busy, List<String> ours) {
      this.busy = busy;
      this.ours = ours;
    }

    @Override
    public CommandResult execute(List<String> argv, String stdin) {
      return ++tries <= busy
          ? CommandResult.of(
              125,
              "",
              "docker: Error response from daemon: Conflict. The container name \"/web\" is"
                  + " already in use by container \"abc\".\n")
          : CommandResult.of(0, "abc\n", "");
    }

    @Override
    public List<String> commandNames() {
      return List.of();
    }

    @Override
    public List<String> flagNames(String commandWords) {
      return List.of();
    }

    @Override
    public List<String> containerNames() {
      return ours;
    }

    @Override
    public List<String> imageNames() {
      return List.of();
    }

    @Override
    public EngineSnapshot snapshot() {
      return EngineSnapshot.empty();
    }
  }

  private static final List<String> RUN =
      List.of("docker", "run", "-d", "--name", "web", "busybox");

  @Test
  void execute_nameHeldByAnotherUser_isTriedAgainUntilFree() {
    Neighbour n = new Neighbour(2, List.of());
    CommandResult r =
        new SandboxEngine(n, Duration.ofSeconds(5), Duration.ofMillis(10)).execute(RUN, "");
    assertEquals(0, r.exitCode());
    assertEquals(3, n.tries);
  }

  @Test
  void execute_nameHeldByTheSandboxItself_isTheLearnersMistake_notRetried() {
    Neighbour n = new Neighbour(2, List.of("web"));
    CommandResult r =
        new SandboxEngine(n, Duration.ofSeconds(5), Duration.ofMillis(10)).execute(RUN, "");
    assertEquals(125, r.exitCode());
    assertEquals(1, n.tries);
  }

  @Test
  void execute_nameHeldPastThePatience_givesTheEnginesAnswer() {
    Neighbour n = new Neighbour(1000, List.of());
    CommandResult r =
        new SandboxEngine(n, Duration.ofMillis(100), Duration.ofMillis(10)).execute(RUN, "");
    assertEquals(125, r.exitCode());
    assertTrue(n.tries > 1 && n.tries < 1000, "tries " + n.tries);
  }

  @Test
  void execute_tagHeldByAnotherUser_isTriedAgain_butAnotherCommandIsNot() {
    int[] tries = {0};
    DockerEngine refusing =
        new SandboxEngine(
            new StandInEngine() {
              @Override
              public CommandResult execute(List<String> argv, String stdin) {
                tries[0]++;
                return CommandResult.of(
                    1,
                    "",
                    "dockerlings: real mode leaves alone what it did not create: image app:v1 is"
                        + " not part of this sandbox.\n");
              }
            },
            Duration.ofMillis(100),
            Duration.ofMillis(10));
    refusing.execute(List.of("docker", "rmi", "app:v1"), "");
    assertEquals(1, tries[0]);
    refusing.execute(List.of("docker", "build", "-t", "app:v1", "-"), "FROM busybox\n");
    assertTrue(tries[0] > 2, "tries " + tries[0]);
  }

  @Test
  void registryTags_areTheRealEnginesAnswer() {
    StandInEngine real =
        new StandInEngine() {
          @Override
          public Optional<List<String>> registryTags(String registry, String repository) {
            return registry.equals("127.0.0.1:5000") && repository.equals("tools/busybox")
                ? Optional.of(List.of("v1", "v2"))
                : Optional.empty();
          }
        };
    SandboxEngine r = new SandboxEngine(real);
    assertEquals(
        Optional.of(List.of("v1", "v2")), r.registryTags("127.0.0.1:5000", "tools/busybox"));
    assertEquals(Optional.empty(), r.registryTags("127.0.0.1:5001", "tools/busybox"));
  }
}
