package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealImagesTest extends TwinTest {
  @TempDir Path context;

  @Test
  void images_showsBaseImageAndSandboxImagesOnly() {
    twin.same("docker images --format '{{.Repository}}:{{.Tag}}'");
    twin.same("docker images -q");
  }

  @Test
  void images_rebuiltTag_leavesADanglingImageAsTheSimulator() throws Exception {
    Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN echo one > /v\n");
    twin.same("docker build -q -t dl-ri-t-d " + context);
    Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN echo two > /v\n");
    twin.same("docker build -q -t dl-ri-t-d " + context);
    twin.same("docker images -f dangling=true --format '{{.Repository}}:{{.Tag}}'");
    // Images made in the same second come in the engine's order, which no one controls.
    for (String line :
        List.of(
            "docker images --format '{{.Repository}}:{{.Tag}}'",
            "docker images -a --format '{{.Repository}}:{{.Tag}}'")) {
      assertEquals(sorted(twin.sim(line).stdout()), sorted(twin.real(line).stdout()), line);
    }
  }

  private static List<String> sorted(String lines) {
    return Arrays.stream(lines.split("\n")).sorted().toList();
  }

  @Test
  void images_showsWhatTheSandboxsContainersWereCreatedFrom() {
    String line = "docker images --format '{{.Repository}}:{{.Tag}}'";
    assertEquals("busybox:latest\n", twin.real(line).stdout());
    assertEquals(0, twin.real("docker create --name dl-ri-t-reg registry:2").exitCode());
    assertEquals(List.of("busybox:latest", "registry:2"), sorted(twin.real(line).stdout()));
  }

  @Test
  void images_badFilters_areTheClisAndTheEnginesErrors() {
    CommandResult noValue = twin.real("docker images -f foo");
    assertEquals(125, noValue.exitCode());
    assertTrue(noValue.stderr().endsWith("\nSee 'docker images --help'.\n"), noValue.stderr());
    assertEquals(
        "Error response from daemon: Invalid filter 'foo'\n",
        twin.real("docker images -f foo=1").stderr());
  }

  @Test
  void pull_unreachableRegistry_isTheEnginesError() {
    CommandResult r = twin.real("docker pull dl-ri-t-nosuch");
    assertEquals(1, r.exitCode());
    assertEquals("Using default tag: latest\n", r.stdout());
    assertTrue(r.stderr().startsWith("Error response from daemon: "), r.stderr());
    assertTrue(twin.real("docker images -q dl-ri-t-nosuch").stdout().isEmpty());
  }

  @Test
  void run_ofAnImageThatCannotBePulled_printsWhatTheCliPrints() {
    CommandResult r = twin.real("docker run dl-ri-t-nosuch");
    assertEquals(125, r.exitCode());
    assertEquals("", r.stdout());
    assertTrue(
        r.stderr()
            .startsWith(
                "Unable to find image 'dl-ri-t-nosuch:latest' locally\n"
                    + "docker: Error response from daemon: "),
        r.stderr());
    assertTrue(r.stderr().endsWith(".\nSee 'docker run --help'.\n"), r.stderr());
  }

  @Test
  void fullName_spellsOutDockerHub() {
    assertEquals("docker.io/library/busybox:latest", RealImages.fullName("busybox:latest"));
    assertEquals("docker.io/me/app:v1", RealImages.fullName("me/app:v1"));
    assertEquals("127.0.0.1:5000/app:v1", RealImages.fullName("127.0.0.1:5000/app:v1"));
    assertEquals("localhost/app:v1", RealImages.fullName("localhost/app:v1"));
  }
}
