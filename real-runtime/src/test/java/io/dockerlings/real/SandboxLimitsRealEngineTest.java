package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's ceilings on a real engine: a fork bomb and a memory hog are held by them, the
 * engine's own container carries them, and the learner's {@code inspect} and {@code stats} show
 * only what the learner typed.
 */
@Tag("real-engine")
class SandboxLimitsRealEngineTest {
  private static final long MB = 1024 * 1024;

  @TempDir Path dir;

  @BeforeAll
  static void engineAnswers() {
    Twin.assumeEngine();
  }

  private RealEngine open(SandboxLimits limits) throws EngineUnavailableException {
    String session = "s5limits-" + UUID.randomUUID().toString().substring(0, 6);
    return RealEngine.connect(
        Twin.LOCATOR, RealOptions.in(dir).withSessionId(session).withLimits(limits));
  }

  private static CommandResult run(RealEngine e, String line) {
    return e.execute(CommandLine.split(line), "");
  }

  /** What the docker CLI on the machine says of the engine's container (outside the scope). */
  private static String engineSide(RealEngine e, String name, String format)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("docker", "inspect", "-f", format, "dl-" + e.sessionId() + "." + name)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return out;
  }

  /** How many processes the container holds now, as its stats say. */
  private static long pids(RealEngine e, String name) {
    CommandResult r = run(e, "docker stats --no-stream --format '{{.PIDs}}' " + name);
    assertEquals(0, r.exitCode(), r.stderr());
    return Long.parseLong(r.stdout().strip());
  }

  @Test
  void forkBomb_isHeldAtThePidsCeiling_andInspectShowsNoLimit() throws Exception {
    try (RealEngine e = open(new SandboxLimits(64 * MB, 32, 500_000_000L))) {
      CommandResult bomb =
          run(e, "docker run -d --name bomb busybox sh -c 'b(){ b | b & }; b; sleep 30'");
      assertEquals(0, bomb.exitCode(), bomb.stderr());
      Thread.sleep(3000);
      assertEquals("32 67108864 500000000", engineSide(e, "bomb", limitsFormat()));
      long seen = pids(e, "bomb");
      assertTrue(seen <= 32, "pids " + seen);
      assertEquals(
          "<nil> 0 0", run(e, "docker inspect -f '" + limitsFormat() + "' bomb").stdout().strip());
      String mem = run(e, "docker stats --no-stream --format '{{.MemUsage}}' bomb").stdout();
      assertFalse(mem.contains("64MiB"), "the ceiling shows in stats: " + mem);
      assertTrue(mem.strip().endsWith("GiB"), "the host's memory is the limit shown: " + mem);
    }
  }

  @Test
  void withoutTheCeiling_theSameProcessesGoPastIt() throws Exception {
    String many = "for i in $(seq 60); do sleep 30 & done; wait";
    try (RealEngine e = open(SandboxLimits.none())) {
      assertEquals(0, run(e, "docker run -d --name many busybox sh -c '" + many + "'").exitCode());
      Thread.sleep(2000);
      assertTrue(pids(e, "many") > 32, "without a ceiling the pids go past 32");
      assertEquals("<no value> 0 0", engineSide(e, "many", limitsFormat()));
    }
    try (RealEngine e = open(new SandboxLimits(0, 32, 0))) {
      assertEquals(0, run(e, "docker run -d --name many busybox sh -c '" + many + "'").exitCode());
      Thread.sleep(2000);
      assertTrue(pids(e, "many") <= 32, "with the ceiling they stop at 32");
    }
  }

  @Test
  void memoryHog_killedByTheCeiling_readsNotOomKilled_andIsReported() throws Exception {
    String hog = "busybox sh -c 'dd if=/dev/zero of=/dev/null bs=200M count=1 || exit 1'";
    try (RealEngine e = open(new SandboxLimits(64 * MB, 0, 0))) {
      assertEquals(0, run(e, "docker run -d --name hog " + hog).exitCode());
      assertEquals(0, run(e, "docker run -d --name own -m 32m " + hog).exitCode());
      assertEquals(0, run(e, "docker wait hog own").exitCode());
      assertEquals(
          "true 67108864", engineSide(e, "hog", "{{.State.OOMKilled}} {{.HostConfig.Memory}}"));
      String format = "'{{.State.OOMKilled}} {{.HostConfig.Memory}} {{.State.Status}}'";
      assertEquals(
          "false 0 exited", run(e, "docker inspect -f " + format + " hog").stdout().strip());
      assertEquals(
          "true 33554432 exited", run(e, "docker inspect -f " + format + " own").stdout().strip());
      assertEquals(List.of("hog"), e.stoppedByMemoryCeiling());
    }
  }

  @Test
  void learnersLooserLimit_isCapped_butShownAsTyped() throws Exception {
    try (RealEngine e = open(new SandboxLimits(64 * MB, 32, 0))) {
      assertEquals(
          0,
          run(e, "docker run -d --name big -m 1g --pids-limit 1000 busybox sleep 30").exitCode());
      assertEquals(
          "32 67108864", engineSide(e, "big", "{{.HostConfig.PidsLimit}} {{.HostConfig.Memory}}"));
      assertEquals(
          "1000 1073741824",
          run(e, "docker inspect -f '{{.HostConfig.PidsLimit}} {{.HostConfig.Memory}}' big")
              .stdout()
              .strip());
      CommandResult update = run(e, "docker update -m 2g --memory-swap 4g big");
      assertEquals(0, update.exitCode(), update.stderr());
      assertEquals("67108864", engineSide(e, "big", "{{.HostConfig.Memory}}"));
      assertEquals(
          "2147483648", run(e, "docker inspect -f '{{.HostConfig.Memory}}' big").stdout().strip());
    }
  }

  @Test
  void build_runSteps_getTheMemoryAndCpuCeilings() throws Exception {
    try (RealEngine e = open(new SandboxLimits(64 * MB, 32, 500_000_000L))) {
      CommandResult r =
          e.executePiped(
              List.of("docker", "build", "--no-cache", "-t", "s5limits-build", "-"),
              ("FROM busybox\nRUN cat /sys/fs/cgroup/memory/memory.limit_in_bytes"
                      + " /sys/fs/cgroup/cpu/cpu.cfs_quota_us\n")
                  .getBytes(StandardCharsets.UTF_8),
              java.util.Optional.empty());
      assertEquals(0, r.exitCode(), r.stderr());
      assertTrue(r.stdout().contains("67108864\n50000\n"), r.stdout());
    }
  }

  private static String limitsFormat() {
    return "{{.HostConfig.PidsLimit}} {{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}";
  }
}
