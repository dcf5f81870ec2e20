package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostGuardTest {
  private static ParsedCommand run(Map<String, List<String>> flags) {
    return new ParsedCommand("container run", null, flags, List.of("busybox"));
  }

  @Test
  void reason_ofPlainRun_isEmpty() {
    assertEquals(
        Optional.empty(),
        HostGuard.reason(
            run(
                Map.of(
                    "volume",
                    List.of("/tmp/data:/data:ro", "/srv-not/x:/x", "v:/v"),
                    "memory",
                    List.of("64m")))));
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
  void check_withChineseNotes_refusesInChinese() {
    DockerException e =
        assertThrows(
            DockerException.class,
            () ->
                new HostGuard(false)
                    .check(run(Map.of("privileged", List.of("true"))), RealNotes.CHINESE));
    assertEquals(125, e.exitCode());
    assertEquals(
        "dockerlings：真实模式拒绝执行 --privileged：它会越出容器、触及你的机器。如果你确实需要，请用 --allow-host 启动"
            + " dockerlings。",
        e.text());
  }

  @Test
  void check_withAllowHost_letsItThrough() {
    new HostGuard(true).check(run(Map.of("privileged", List.of("true"))));
  }

  @Test
  void reason_bindThroughUnnormalisedPaths_isTheHostRoot() {
    for (String v : List.of("/./:/r", "/tmp/../:/r", "//:/r", "/etc/../etc/./:/e:ro")) {
      assertEquals(Optional.of("-v " + v), HostGuard.reason(run(Map.of("volume", List.of(v)))), v);
    }
  }

  @Test
  void reason_bindThroughASymlink_followsIt(@TempDir Path dir) throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("root"), Path.of("/"));
    Path sock = Files.createSymbolicLink(dir.resolve("sock"), Path.of("/var/run/docker.sock"));
    String v1 = link + ":/r:ro";
    String v2 = sock + "/:/s:ro";
    assertEquals(Optional.of("-v " + v1), HostGuard.reason(run(Map.of("volume", List.of(v1)))));
    assertEquals(Optional.of("-v " + v2), HostGuard.reason(run(Map.of("volume", List.of(v2)))));
  }

  @Test
  void reason_readWriteBindOfSharedTrees_isRefused_readOnlyIsNot() {
    for (String root : List.of("/usr", "/opt", "/tmp", "/var/log")) {
      String rw = root + ":/x";
      assertEquals(Optional.of("-v " + rw), HostGuard.reason(run(Map.of("volume", List.of(rw)))));
      assertEquals(
          Optional.empty(), HostGuard.reason(run(Map.of("volume", List.of(root + ":/x:ro")))));
    }
  }

  @Test
  void reason_capabilitiesBeyondTheAllowList_areRefused() {
    for (String cap :
        List.of("DAC_READ_SEARCH", "SYS_MODULE", "SYS_RAWIO", "SYS_PTRACE", "NET_ADMIN", "ALL")) {
      assertEquals(
          Optional.of("--cap-add " + cap),
          HostGuard.reason(run(Map.of("cap-add", List.of(cap)))),
          cap);
    }
    assertEquals(
        Optional.empty(),
        HostGuard.reason(run(Map.of("cap-add", List.of("cap_net_raw", "CHOWN")))));
  }

  @Test
  void reason_securityOptionsAndKernelKnobs_areRefused() {
    assertEquals(
        Optional.of("--security-opt seccomp=/tmp/p.json"),
        HostGuard.reason(run(Map.of("security-opt", List.of("seccomp=/tmp/p.json")))));
    assertEquals(
        Optional.of("--security-opt label=disable"),
        HostGuard.reason(run(Map.of("security-opt", List.of("label=disable")))));
    assertEquals(
        Optional.empty(),
        HostGuard.reason(run(Map.of("security-opt", List.of("no-new-privileges")))));
    assertEquals(
        Optional.of("--cgroupns host"), HostGuard.reason(run(Map.of("cgroupns", List.of("host")))));
    assertEquals(
        Optional.of("--sysctl net.ipv4.ip_forward=1"),
        HostGuard.reason(run(Map.of("sysctl", List.of("net.ipv4.ip_forward=1")))));
    assertEquals(
        Optional.of("--device-cgroup-rule c 1:3 mr"),
        HostGuard.reason(run(Map.of("device-cgroup-rule", List.of("c 1:3 mr")))));
  }

  @Test
  void reason_mountOfTheHostThroughDotDot_isRefused() {
    String m = "type=bind,src=/tmp/..,dst=/h,readonly";
    assertEquals(Optional.of("--mount " + m), HostGuard.reason(run(Map.of("mount", List.of(m)))));
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
