package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealEngineTest {
  private static final EngineLocator LOCATOR = new EngineLocator();

  @TempDir Path state;
  private RealEngine engine;

  @BeforeAll
  static void engineAnswers() {
    Assumptions.assumeTrue(
        LOCATOR.available(),
        "no Docker engine reachable: real-engine tests skipped (start dockerd or set DOCKER_HOST)");
  }

  @BeforeEach
  void open() throws Exception {
    engine = RealEngine.connect(LOCATOR, RealOptions.in(state));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private CommandResult run(String line) {
    return engine.execute(CommandLine.split(line), "");
  }

  @Test
  void run_foreground_printsOutputAndExitCode() {
    CommandResult r = run("docker run --rm busybox sh -c 'echo out; echo err >&2; exit 3'");
    assertEquals("out\n", r.stdout());
    assertEquals("err\n", r.stderr());
    assertEquals(3, r.exitCode());
  }

  @Test
  void run_detached_showsInPsAndSnapshotWithLimits() {
    CommandResult r = run("docker run -d --name dl-rt-web -m 64m -c 512 busybox sleep 60");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(run("docker ps").stdout().contains("dl-rt-web"));
    EngineSnapshot.ContainerState web = engine.snapshot().containers().get(0);
    assertEquals("running", web.status());
    assertEquals(64L << 20, web.limits().memory());
    assertEquals(128L << 20, web.limits().memorySwap());
    assertEquals(512, web.limits().cpuShares());
  }

  @Test
  void run_belowMinimumMemory_isTheEnginesError() {
    CommandResult r = run("docker run -m 2m busybox true");
    assertEquals(125, r.exitCode());
    assertEquals(
        "docker: Error response from daemon: Minimum memory limit allowed is 6MB.\n"
            + "See 'docker run --help'.\n",
        r.stderr());
  }

  @Test
  void close_removesEverythingTheSessionMade() throws Exception {
    run("docker run -d --name dl-rt-gone -v dl-rt-vol:/data busybox sleep 60");
    engine.close();
    RealEngine other = RealEngine.connect(LOCATOR, RealOptions.in(state));
    try {
      assertTrue(LOCATOR.api().get("/containers/dl-rt-gone/json").isEmpty());
      assertTrue(LOCATOR.api().get("/volumes/dl-rt-vol").isEmpty());
    } finally {
      other.close();
    }
  }

  @Test
  void run_privileged_isRefusedWithoutAllowHost() {
    CommandResult r = run("docker run --privileged busybox true");
    assertEquals(125, r.exitCode());
    assertTrue(r.stderr().startsWith("dockerlings: real mode refuses --privileged"), r.stderr());
  }

  @Test
  void commandWithoutRealHandler_saysRealModeDoesNotCarryItOut() {
    CommandResult r = run("docker login -u someone");
    assertEquals(1, r.exitCode());
    assertEquals(
        "dockerlings: real mode does not carry out 'docker login' yet; `mode sim` runs it in the"
            + " simulator.\n",
        r.stderr());
  }

  @Test
  void info_countsOnlyTheSandboxsObjectsAsTheSimulator(@TempDir Path other) throws Exception {
    Twin twin = Twin.open(other);
    try {
      String counts = "docker info --format '{{.Containers}} {{.ContainersRunning}} {{.Images}}'";
      twin.same(counts);
      twin.same("docker run -d --name dl-ri-t-info busybox sleep 60");
      twin.same("docker create --name dl-ri-t-info2 busybox true");
      twin.same("docker tag busybox dl-ri-t-info:v1");
      CommandResult r = twin.same(counts);
      // busybox and the image under it, which the engine counts too; the tag adds none.
      assertEquals("2 1 2\n", r.stdout());
    } finally {
      twin.close();
    }
  }

  @Test
  void close_removesTheAnonymousVolumeOfAContainerRemovedWithoutV() throws Exception {
    assertEquals(0, run("docker create --name dl-rt-anon -v /data busybox true").exitCode());
    String volume =
        run("docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' dl-rt-anon").stdout().strip();
    assertEquals(0, run("docker rm dl-rt-anon").exitCode());
    assertTrue(LOCATOR.api().get("/volumes/" + volume).isPresent(), "the engine keeps it");
    engine.close();
    assertTrue(LOCATOR.api().get("/volumes/" + volume).isEmpty(), "the sandbox removed it");
  }

  @Test
  void inspect_ofAnotherUsersNetwork_isNotFoundByName_andRefusedById() {
    String id = engineClient().createNetworkCmd().withName("dl-rt-foreign").exec().getId();
    try {
      CommandResult byName = run("docker inspect dl-rt-foreign");
      assertEquals(1, byName.exitCode());
      assertEquals("Error: No such object: dl-rt-foreign\n", byName.stderr());
      CommandResult byId = run("docker inspect " + id.substring(0, 12));
      assertEquals(1, byId.exitCode());
      assertEquals(
          "dockerlings: real mode leaves alone what it did not create: network "
              + id.substring(0, 12)
              + " is not part of this sandbox.\n",
          byId.stderr());
      assertEquals(0, run("docker inspect -f '{{.Name}}' bridge").exitCode());
    } finally {
      engineClient().removeNetworkCmd(id).exec();
    }
  }

  private static com.github.dockerjava.api.DockerClient engineClient() {
    try {
      return LOCATOR.api().client();
    } catch (EngineUnavailableException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readVolumeFile_readsThroughAThrowawayContainer_andCreatesNothing() {
    assertEquals(0, run("docker volume create notes").exitCode());
    assertEquals(0, run("docker run --rm -v notes:/d busybox sh -c 'echo hi > /d/n'").exitCode());
    int containers = engine.containerNames().size();
    assertEquals(java.util.Optional.of("hi\n"), engine.readVolumeFile("notes", "/n"));
    assertEquals(java.util.Optional.of("hi\n"), engine.readVolumeFile("notes", "n"));
    assertEquals(java.util.Optional.empty(), engine.readVolumeFile("notes", "/missing"));
    assertEquals(java.util.Optional.empty(), engine.readVolumeFile("notes", "/../etc/passwd"));
    assertEquals(java.util.Optional.empty(), engine.readVolumeFile("nosuch", "/n"));
    assertEquals(containers, engine.containerNames().size(), "the reader was left behind");
    assertEquals("notes\n", run("docker volume ls -q").stdout(), "looking created a volume");
  }

  @Test
  void volumeReader_refusesNamesThatAreNotPlainAndPathsThatClimb() {
    assertEquals(
        java.util.Optional.of(
            java.util.List.of(
                "docker",
                "run",
                "--rm",
                "-v",
                "notes:/dockerlings-volume:ro",
                "busybox",
                "cat",
                "/dockerlings-volume/a/b")),
        RealEngine.volumeReader("notes", "//a/b"));
    assertTrue(RealEngine.volumeReader("-v /:/x", "/n").isEmpty());
    assertTrue(RealEngine.volumeReader("/etc", "/passwd").isEmpty());
    assertTrue(RealEngine.volumeReader("notes", "/../x").isEmpty());
  }
}
