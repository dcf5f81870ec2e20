package io.dockerlings.lessons.errors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue against a real engine: every entry's example, run through {@code /usr/bin/docker},
 * prints a message the entry matches, so the patterns cannot drift from Docker 20.10. Skips itself
 * when no engine answers. Everything an example creates is named {@code errors-<pid>-...} and
 * removed after it; the client's configuration (a login's credentials) goes to a temporary
 * directory.
 */
@Tag("real-engine")
class ErrorCatalogueRealEngineTest {
  private static final Path DOCKER = Path.of("/usr/bin/docker");
  private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.load();

  /** The names of this run: other worktrees may run the same test on the same engine at once. */
  private static final String PREFIX =
      "errors-" + Long.toString(ProcessHandle.current().pid(), 36) + "-";

  @TempDir static Path temp;

  @BeforeAll
  static void engineAnswers() {
    assumeTrue(Files.isExecutable(DOCKER), "no " + DOCKER + ": real-engine test skipped");
    CommandResult info = docker(List.of("docker", "info", "--format", "{{.ServerVersion}}"));
    assumeTrue(
        info.exitCode() == 0,
        "no Docker engine answers (" + info.stderr().strip() + "): real-engine test skipped");
  }

  @TestFactory
  Stream<DynamicTest> example_onTheRealEngine_isMatchedByItsOwnEntry() {
    return CATALOGUE.entries().stream()
        .filter(e -> e.realSkip().isEmpty())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.id(),
                    () -> {
                      Path dir = Files.createTempDirectory(temp, e.id());
                      try {
                        CommandResult r =
                            Examples.run(
                                e.example(),
                                ErrorCatalogueRealEngineTest::docker,
                                line -> {
                                  throw new IllegalArgumentException(
                                      "host line in a real-engine example: " + line);
                                },
                                dir.toString(),
                                (name, content) -> Examples.writeReal(dir.resolve(name), content),
                                PREFIX);
                        ErrorCatalogueTest.assertMatches(e, r);
                      } finally {
                        cleanUp();
                      }
                    }));
  }

  /** Removes the containers, networks, volumes and image names the examples create. */
  private static void cleanUp() {
    List<String> containers = names(List.of("docker", "ps", "-aq", "--filter", "name=^" + PREFIX));
    if (!containers.isEmpty()) {
      // -v: registry:2 declares a VOLUME, whose anonymous volume would otherwise stay behind.
      List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f", "-v"));
      rm.addAll(containers);
      docker(rm);
    }
    for (String n : names(List.of("docker", "network", "ls", "--format", "{{.Name}}"))) {
      if (n.startsWith(PREFIX)) {
        docker(List.of("docker", "network", "rm", n));
      }
    }
    for (String v : names(List.of("docker", "volume", "ls", "--format", "{{.Name}}"))) {
      if (v.startsWith(PREFIX)) {
        docker(List.of("docker", "volume", "rm", v));
      }
    }
    for (String i : names(List.of("docker", "images", "--format", "{{.Repository}}:{{.Tag}}"))) {
      if (i.startsWith(PREFIX) || i.contains("/" + PREFIX)) {
        docker(List.of("docker", "rmi", i));
      }
    }
  }

  private static List<String> names(List<String> argv) {
    return docker(argv).stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Runs the real docker client; its configuration stays in the test's temporary directory. */
  static CommandResult docker(List<String> argv) {
    List<String> cmd = new ArrayList<>(argv);
    cmd.set(0, DOCKER.toString());
    if (cmd.size() > 1 && cmd.get(1).equals("build")) {
      // A failed RUN leaves its unnamed intermediate container behind unless forced: the
      // cleanup finds containers by name only (real mode itself always builds with forcerm).
      cmd.add(2, "--force-rm");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DOCKER_CONFIG", temp.resolve("docker-config").toString());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      CompletableFuture<String> out = read(p.getInputStream());
      CompletableFuture<String> err = read(p.getErrorStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return CommandResult.of(-1, "", "timed out: " + argv);
      }
      return CommandResult.of(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      return CommandResult.of(-1, "", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.of(-1, "", "interrupted");
    }
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
