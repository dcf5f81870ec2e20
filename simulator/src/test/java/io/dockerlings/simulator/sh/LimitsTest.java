package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hostile lines of issue 10, each once a JVM killer or a hang: the simulated kernel now ends
 * them in its own words (expected texts checked on Docker Engine 20.10 with busybox 1.35).
 */
class LimitsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 7));

  private CommandResult host(String line) {
    return sim.host(line);
  }

  private CommandResult inContainer(String script) {
    return sim.execute(List.of("docker", "run", "--rm", "busybox", "sh", "-c", script));
  }

  @Test
  void backslashAlone_isALiteralCommandNotFound() {
    CommandResult r = host("\\");
    assertEquals(127, r.exitCode());
    assertEquals("sh: \\: not found\n", r.stderr());
  }

  @Test
  void wait_onAPidBeyondAnInt_answers127() {
    assertEquals(127, host("wait 4294967296").exitCode());
  }

  @Test
  void trap_onAHugeSignalNumber_isAnInvalidSignal() {
    CommandResult r = host("trap \"\" 99999999999");
    assertEquals(1, r.exitCode());
    assertEquals("sh: trap: line 0: 99999999999: invalid signal specification\n", r.stderr());
  }

  @Test
  void tail_withACountBeyondALong_isAnInvalidNumber() {
    CommandResult r = host("tail -c 99999999999999999999 /etc/passwd");
    assertEquals(1, r.exitCode());
    assertEquals("tail: invalid number '99999999999999999999'\n", r.stderr());
  }

  @Test
  void evalLoop_overflowsTheStack_segfault() {
    CommandResult r = host("x=\"eval \\$x\"; eval $x");
    assertEquals(139, r.exitCode());
    assertEquals("Segmentation fault\n", r.stderr());
  }

  @Test
  void fiftyThousandNestedBraces_segfault() {
    CommandResult r = host("{ ".repeat(50_000) + "true" + "; }".repeat(50_000));
    assertEquals(139, r.exitCode());
  }

  @Test
  void bareSubstitutions_segfault() {
    assertEquals(139, host("echo " + "$(".repeat(65_536)).exitCode());
  }

  @Test
  void hundredThousandParens_inAContainer_endTheShellWithSigsegv() {
    assertEquals(139, inContainer("(".repeat(100_000)).exitCode());
  }

  @Test
  void recursiveFunction_segfaults() {
    assertEquals(139, inContainer("f(){ f; }; f").exitCode());
  }

  @Test
  void doublingAVariable_isKilledByTheOomKiller() {
    CommandResult r = host("a=x; while :; do a=$a$a; done");
    assertEquals(137, r.exitCode());
    assertEquals("Killed\n", r.stderr());
  }

  @Test
  void doublingArguments_isKilledByTheOomKiller() {
    assertEquals(137, host("f(){ f $1$1; }; f x").exitCode());
  }

  @Test
  void headOfTenGigabytesIntoAFile_fillsTheDisk() {
    CommandResult r = inContainer("head -c 10g /dev/zero > /f; echo $?");
    assertEquals("head: write error: No space left on device\n", r.stderr());
    assertEquals("1\n", r.stdout());
  }

  @Test
  void ddOfAHundredGigabytes_fillsTheDisk() {
    CommandResult r = inContainer("dd if=/dev/zero of=/f bs=1M count=100000");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().startsWith("dd: error writing '/f': No space left on device\n"));
  }

  @Test
  void forkBomb_failsToFork_andStaysUnderTheProcessLimit() {
    sim.execute(
        List.of(
            "docker",
            "run",
            "-d",
            "--name",
            "fb",
            "busybox",
            "sh",
            "-c",
            "f(){ f|f & }; f; sleep 100"));
    CommandResult logs = sim.execute(List.of("docker", "logs", "fb"));
    assertTrue(logs.stderr().contains("sh: can't fork: Resource temporarily unavailable\n"));
    long processes = sim.execute(List.of("docker", "top", "fb")).stdout().lines().count() - 1;
    assertTrue(processes > 0 && processes <= Limits.PROCESSES, "processes: " + processes);
  }

  @Test
  void forkBomb_whoseInitEnds_endsWithIt() {
    assertEquals(0, inContainer("f(){ f|f & }; f").exitCode());
  }

  @Test
  void mkdirFiveThousandDeep_isAFileNameTooLong() {
    CommandResult r = inContainer("mkdir -p " + "/a".repeat(5_000));
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().endsWith("': File name too long\n"), r.stderr());
  }

  @Test
  void yesIntoHead_stopsAtHeadsCount() {
    assertEquals("y\ny\ny\n", host("yes | head -n 3").stdout());
    assertEquals("1000\n", host("yes | head -c 1000 | wc -c").stdout());
  }

  @Test
  void aMillionLinesThroughAPipe_loseNothing() {
    assertEquals("1000000\n", host("seq 1 1000000 | wc -l").stdout());
    assertEquals("1000000\n", inContainer("seq 1 1000000 | wc -l").stdout());
  }

  @Test
  void busyLoopInAPipeline_isCutOffAndTheLineGoesOn() {
    assertEquals("ok\n", host("while :; do :; done | cat; echo ok").stdout());
  }

  @Test
  void glob_ofHundredsOfStars_againstFilesThatDoNotMatch_answersAtOnce() {
    // Found by the long fuzz: 810 stars then a 0 hung on a directory of long names.
    host("mkdir -p /tmp/g && cd /tmp/g && touch 99999999999999999999 abcdefghijklmnopqrstuvwxyz");
    long start = System.nanoTime();
    CommandResult r = host("echo " + "*".repeat(810) + "0 " + "*".repeat(400) + "z");
    assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "took too long");
    assertEquals("*".repeat(810) + "0 abcdefghijklmnopqrstuvwxyz\n", r.stdout());
  }

  @Test
  void glob_ofAStarThenThousandsOfComponents_answersAtOnce() {
    // Found by the long fuzz: a star, then 3,000 components that lead nowhere (44 s of CPU).
    String pattern = "*" + "/dev/zero".repeat(3_000);
    long start = System.nanoTime();
    CommandResult r = host("echo " + pattern + " /e*/pass*");
    assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "took too long");
    assertEquals(pattern + " /etc/passwd\n", r.stdout());
  }

  @Test
  void redirect_toThousandsOfMissingComponents_failsAtOnce() {
    // Found by the long fuzz: 107 s to find that the first directory was missing.
    long start = System.nanoTime();
    CommandResult r = host("echo x >> *" + "/dev/zero".repeat(3_000));
    assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "took too long");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().startsWith("sh: can't create */dev/zero/dev/zero"), r.stderr());
  }
}
