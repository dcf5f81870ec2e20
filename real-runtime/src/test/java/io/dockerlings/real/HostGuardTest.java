package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostGuardTest {
  private static ParsedCommand run(Map<String, List<String>> flags) {
    return new ParsedCommand("container run", null, flags, List.of("busybox"));
  }

  @Test
  void reason_ofPlainRun_isEmpty() {
    assertEquals(
        Optional.empty(),
        HostGuard.reason(
            run(Map.of("volume", List.of("/tmp/data:/data", "v:/v"), "memory", List.of("64m")))));
  }

  @Test
  void reason_namesEachEscape() {
    assertEquals(
        Optional.of("--privileged"), HostGuard.reason(run(Map.of("privileged", List.of("true")))));
    assertEquals(Optional.of("--pid host"), HostGuard.reason(run(Map.of("pid", List.of("host")))));
    assertEquals(
        Optional.of("--network host"), HostGuard.reason(run(Map.of("network", List.of("host")))));
    assertEquals(
        Optional.of("-v /:/host"), HostGuard.reason(run(Map.of("volume", List.of("/:/host")))));
    assertEquals(
        Optional.of("-v /var/run/docker.sock:/var/run/docker.sock"),
        HostGuard.reason(
            run(Map.of("volume", List.of("/var/run/docker.sock:/var/run/docker.sock")))));
    assertEquals(
        Optional.of("-v /etc/:/e:ro"),
        HostGuard.reason(run(Map.of("volume", List.of("/etc/:/e:ro")))));
    assertEquals(
        Optional.of("--device"), HostGuard.reason(run(Map.of("device", List.of("/dev/sda")))));
    assertEquals(
        Optional.of("--mount type=bind,source=/,target=/h"),
        HostGuard.reason(run(Map.of("mount", List.of("type=bind,source=/,target=/h")))));
  }

  @Test
  void reason_privilegedFalse_isNoEscape() {
    assertEquals(Optional.empty(), HostGuard.reason(run(Map.of("privileged", List.of("false")))));
  }

  @Test
  void check_withoutAllowHost_refusesWithExit125() {
    DockerException e =
        assertThrows(
            DockerException.class,
            () -> new HostGuard(false).check(run(Map.of("privileged", List.of("true")))));
    assertEquals(125, e.exitCode());
    assertEquals(
        "dockerlings: real mode refuses --privileged: it reaches outside the container into your"
            + " machine. Start dockerlings with --allow-host if you mean it.",
        e.text());
  }

  @Test
  void check_withAllowHost_letsItThrough() {
    new HostGuard(true).check(run(Map.of("privileged", List.of("true"))));
  }

  @Test
  void bindOfTheWorkspace_isTheLearnersOwn_whileOtherHostPathsStayRefused() {
    HostPaths workspace =
        new HostPaths() {
          @Override
          public Optional<java.nio.file.Path> real(String typed) {
            return typed.startsWith("/root")
                ? Optional.of(java.nio.file.Path.of("/tmp/ws" + typed.substring(5)))
                : Optional.empty();
          }

          @Override
          public boolean inWorkspace(String typed) {
            return real(typed).isPresent();
          }

          @Override
          public String where() {
            return "/tmp/ws";
          }
        };
    new HostGuard(false, workspace).check(run(Map.of("volume", List.of("/root/app:/data"))));
    assertThrows(
        DockerException.class,
        () -> new HostGuard(false, workspace).check(run(Map.of("volume", List.of("/etc:/e")))));
    assertThrows(
        DockerException.class,
        () -> new HostGuard(false).check(run(Map.of("volume", List.of("/root/app:/data")))));
  }
}
