package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker build end to end: steps, the cache and its invalidation, CMD and ENTRYPOINT. */
class BuildTest {
  @TempDir Path ctx;

  private DockerSimulator sim;

  @org.junit.jupiter.api.BeforeEach
  void start() {
    sim =
        DockerSimulator.create(
            new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 4)
                .withWorkspace(Workspace.at(ctx)));
  }

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  private void dockerfile(String... lines) throws IOException {
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n", lines) + "\n");
  }

  private static long count(String text, String what) {
    return text.lines().filter(l -> l.equals(what)).count();
  }

  /**
   * {@code docker build -} reads the Dockerfile from stdin with no context. Engine 20.10 printed,
   * for a three-line Dockerfile piped in: {@code Sending build context to Docker daemon 2.048kB},
   * the steps, and on a second build {@code ---> Using cache} for both; {@code COPY a /a} failed
   * with {@code COPY failed: file not found in build context or excluded by .dockerignore: stat a:
   * file does not exist}.
   */
  @Test
  void buildFromStdin_hasNoContext_cachesSteps_andRefusesCopy() {
    String df = "FROM busybox\nRUN echo deps > /deps.txt\nCMD [\"cat\", \"/deps.txt\"]\n";
    List<String> argv = List.of("docker", "build", "-t", "app:v1", "-");
    CommandResult first = sim.execute(argv, df);
    assertEquals(0, first.exitCode(), first.stderr());
    assertTrue(
        first.stdout().startsWith("Sending build context to Docker daemon  2.048kB"),
        first.stdout());
    assertTrue(first.stdout().contains("Successfully tagged app:v1\n"), first.stdout());
    CommandResult again = sim.execute(argv, df);
    assertEquals(2, count(again.stdout(), " ---> Using cache"), again.stdout());
    assertEquals("deps\n", docker("run --rm app:v1").stdout());
    CommandResult copy =
        sim.execute(List.of("docker", "build", "-t", "app:v2", "-"), "FROM busybox\nCOPY a /a\n");
    assertEquals(1, copy.exitCode());
    assertTrue(
        copy.stderr()
            .contains(
                "COPY failed: file not found in build context or excluded by .dockerignore: stat a:"
                    + " file does not exist"),
        copy.stderr());
  }

  @Test
  void secondBuild_usesTheCacheForEveryStep_andAnEditRebuildsFromThere() throws IOException {
    Files.writeString(ctx.resolve("hello.txt"), "hi\n");
    dockerfile(
        "FROM busybox",
        "ENV A=1",
        "COPY hello.txt /app/",
        "RUN cat /app/hello.txt > /app/copy",
        "CMD [\"cat\", \"/app/copy\"]");
    CommandResult first = docker("build -t demo:v1 " + Workspace.HOME);
    assertEquals(0, first.exitCode(), first.stderr());
    assertEquals(0, count(first.stdout(), " ---> Using cache"));
    CommandResult second = docker("build -t demo:v1 " + Workspace.HOME);
    assertEquals(4, count(second.stdout(), " ---> Using cache"));
    dockerfile(
        "FROM busybox",
        "ENV A=2",
        "COPY hello.txt /app/",
        "RUN cat /app/hello.txt > /app/copy",
        "CMD [\"cat\", \"/app/copy\"]");
    CommandResult edited = docker("build -t demo:v1 " + Workspace.HOME);
    assertEquals(0, count(edited.stdout(), " ---> Using cache"), edited.stdout());
    assertEquals("hi\n", docker("run --rm demo:v1").stdout());
  }

  @Test
  void changedFile_invalidatesTheCopyStep_andEverythingAfter() throws IOException {
    Files.writeString(ctx.resolve("hello.txt"), "hi\n");
    dockerfile("FROM busybox", "ENV A=1", "COPY hello.txt /app/", "RUN wc -c /app/hello.txt");
    docker("build " + Workspace.HOME);
    Files.writeString(ctx.resolve("hello.txt"), "changed\n");
    CommandResult again = docker("build " + Workspace.HOME);
    assertEquals(1, count(again.stdout(), " ---> Using cache"), again.stdout());
    assertTrue(again.stdout().contains("8 /app/hello.txt"), again.stdout());
  }

  @Test
  void entrypointExec_withCmd_takesRunArgumentsInsteadOfCmd() throws IOException {
    dockerfile("FROM busybox", "ENTRYPOINT [\"echo\", \"EP\"]", "CMD [\"x\"]");
    docker("build -t ep " + Workspace.HOME);
    assertEquals("EP x\n", docker("run --rm ep").stdout());
    assertEquals("EP a b\n", docker("run --rm ep a b").stdout());
    dockerfile("FROM busybox", "ENTRYPOINT echo EP", "CMD [\"x\"]");
    docker("build -t ep2 " + Workspace.HOME);
    assertEquals("EP\n", docker("run --rm ep2 a b").stdout());
  }

  @Test
  void failingRun_reportsTheCommandAndItsStatus() throws IOException {
    dockerfile("FROM busybox", "RUN nosuch");
    CommandResult r = docker("build " + Workspace.HOME);
    assertEquals(127, r.exitCode());
    assertTrue(r.stdout().contains("/bin/sh: nosuch: not found"), r.stdout());
    assertEquals("The command '/bin/sh -c nosuch' returned a non-zero code: 127\n", r.stderr());
  }

  @Test
  void badDockerfiles_getTheDaemonsWords() throws IOException {
    dockerfile("FROMM busybox");
    assertEquals(
        "Error response from daemon: dockerfile parse error line 1: unknown instruction: FROMM\n",
        docker("build " + Workspace.HOME).stderr());
    Files.writeString(ctx.resolve("Dockerfile"), "");
    assertEquals(
        "Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n",
        docker("build " + Workspace.HOME).stderr());
    assertEquals(
        "unable to prepare context: path \"/nonexist\" not found\n",
        docker("build /nonexist").stderr());
  }

  @Test
  void layerSize_staysWhenALaterStepDeletesTheFile() throws IOException {
    dockerfile("FROM busybox", "RUN dd if=/dev/zero of=/big bs=1M count=5", "RUN rm /big");
    docker("build -t fat " + Workspace.HOME);
    String history = docker("history --format '{{.Size}}' fat").stdout();
    assertTrue(history.contains("5.24MB"), history);
  }

  @Test
  void fromScratch_copyStepHasNoParent_andHistoryHoldsOnlyTheBuiltSteps() throws IOException {
    Files.writeString(ctx.resolve("hello.txt"), "hello\n");
    dockerfile("FROM scratch", "COPY hello.txt /", "CMD [\"/hello.txt\"]");
    CommandResult r = docker("build -q -t bare " + Workspace.HOME);
    assertEquals(0, r.exitCode(), r.stderr());
    String copyStep = docker("image inspect -f '{{.Parent}}' bare").stdout().trim();
    assertTrue(copyStep.startsWith("sha256:"), copyStep);
    assertEquals("\n", docker("image inspect -f '{{.Parent}}' " + copyStep).stdout());
    assertEquals(2, docker("history -q bare").stdout().lines().count());
    assertEquals("6\n", docker("image inspect -f '{{.Size}}' bare").stdout());
    CommandResult run = docker("run --rm bare cat /hello.txt");
    assertEquals(127, run.exitCode());
    assertTrue(run.stderr().contains("exec: \"cat\": executable file not found"), run.stderr());
  }

  @Test
  void fromScratch_alone_buildsNoImage() throws IOException {
    dockerfile("FROM scratch");
    CommandResult r = docker("build " + Workspace.HOME);
    assertEquals(1, r.exitCode());
    assertTrue(r.stdout().endsWith("Step 1/1 : FROM scratch\n ---> \n"), r.stdout());
    assertEquals("No image was generated. Is your Dockerfile empty?\n", r.stderr());
  }

  @Test
  void fromScratch_runStep_failsToStartAndLeavesItsContainer() throws IOException {
    dockerfile("FROM scratch", "RUN echo hi");
    CommandResult r = docker("build " + Workspace.HOME);
    assertEquals(1, r.exitCode());
    assertTrue(
        r.stderr().startsWith("failed to create shim task: OCI runtime create failed:"),
        r.stderr());
    assertTrue(r.stderr().contains("exec: \"/bin/sh\": stat /bin/sh: no such file"), r.stderr());
    assertEquals(1, docker("ps -aq --filter status=created").stdout().lines().count());
    assertEquals("<no image>\n", docker("ps -a --format '{{.Image}}'").stdout());
  }

  @Test
  void tenThousandRuns_stopAtTheLayerStoresDepth() throws IOException {
    // docker 20.10.24: FROM busybox (1 layer) and 200 RUN lines; step 126, the 125th RUN, ran
    // ("Running in") and then failed with "max depth exceeded" on stderr, exit 1.
    List<String> lines = new ArrayList<>(List.of("FROM busybox"));
    for (int i = 1; i <= 10_000; i++) {
      lines.add("RUN echo " + i + " > /f" + i);
    }
    dockerfile(lines.toArray(String[]::new));
    CommandResult r = docker("build -t deep " + Workspace.HOME);
    assertEquals(1, r.exitCode());
    assertEquals("max depth exceeded\n", r.stderr());
    assertTrue(r.stdout().contains("Step 125/10001 : RUN echo 124 > /f124\n"), r.stdout());
    assertTrue(r.stdout().strip().endsWith(" ---> Running in " + lastId(r.stdout())), r.stdout());
    assertTrue(r.stdout().contains("Step 126/10001 : RUN echo 125 > /f125\n"), r.stdout());
    assertFalse(r.stdout().contains("Step 127/"), r.stdout());
    assertEquals(1, docker("images deep").stdout().lines().count());
  }

  private static String lastId(String out) {
    String[] words = out.strip().split(" ");
    return words[words.length - 1];
  }
}
