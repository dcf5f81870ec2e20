package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealPackagingTest extends TwinTest {
  @TempDir Path files;

  @Test
  void saveAndLoad_roundTripATagTheSandboxMade() throws Exception {
    Path tar = files.resolve("app.tar");
    twin.same("docker tag busybox dl-ri-t-pack:v1");
    // Real only: the simulator would write its own tar over the same file.
    assertEquals(0, twin.real("docker save -o " + tar + " dl-ri-t-pack:v1").exitCode());
    assertTrue(Files.size(tar) > 1_000_000, "a busybox tar is about 2 MB");
    twin.same("docker rmi dl-ri-t-pack:v1");
    CommandResult load = twin.real("docker load -i " + tar);
    assertEquals(0, load.exitCode(), load.stderr());
    assertEquals("Loaded image: dl-ri-t-pack:v1\n", load.stdout());
    assertEquals(
        "dl-ri-t-pack:v1\n",
        twin.real("docker images dl-ri-t-pack --format '{{.Repository}}:{{.Tag}}'").stdout());
  }

  @Test
  void loadedTags_goWithTheSessionButBaseImagesStay() throws Exception {
    Path tar = files.resolve("bb.tar");
    twin.real("docker save -o " + tar + " busybox");
    twin.real("docker tag busybox dl-ri-t-extra:v1");
    CommandResult load = twin.real("docker load -i " + tar);
    assertEquals("Loaded image: busybox:latest\n", load.stdout());
    twin.close();
    assertTrue(Twin.LOCATOR.api().get("/images/busybox:latest/json").isPresent());
    twin = Twin.open(state);
  }

  @Test
  void errors_areTheClisAndTheEngines() throws Exception {
    CommandResult terminal = twin.real("docker save busybox");
    assertEquals(1, terminal.exitCode());
    assertEquals(
        "Cowardly refusing to save to a terminal. Use the -o flag or redirect\n",
        terminal.stderr());
    CommandResult missing = twin.real("docker save -o " + files.resolve("x.tar") + " dl-ri-t-no");
    assertEquals("Error response from daemon: No such image: dl-ri-t-no\n", missing.stderr());
    assertTrue(Files.notExists(files.resolve("x.tar")));
    Path nosuch = files.resolve("nosuch.tar");
    assertEquals(
        "open " + nosuch + ": no such file or directory\n",
        twin.real("docker load -i " + nosuch).stderr());
    Path junk = Files.writeString(files.resolve("junk.tar"), "hi\n");
    CommandResult bad = twin.real("docker load -i " + junk);
    assertEquals(1, bad.exitCode());
    assertEquals("Error processing tar file(exit status 1): unexpected EOF\n", bad.stderr());
  }

  @Test
  void exportThenImport_givesAOneLayerImageOnBothEngines() {
    // Each engine writes its own tar: the simulator's busybox is not a program a kernel can run.
    Path simTar = files.resolve("sim.tar");
    Path realTar = files.resolve("real.tar");
    twin.same("docker run --name dl-ri-t-ex busybox sh -c 'echo kept > /kept.txt'");
    assertEquals(0, twin.sim("docker export -o " + simTar + " dl-ri-t-ex").exitCode());
    assertEquals(0, twin.real("docker export -o " + realTar + " dl-ri-t-ex").exitCode());
    assertTrue(
        twin.sim("docker import " + simTar + " dl-ri-t-flat:v1").stdout().startsWith("sha256:"));
    assertTrue(
        twin.real("docker import " + realTar + " dl-ri-t-flat:v1").stdout().startsWith("sha256:"));
    twin.same("docker run --rm dl-ri-t-flat:v1 cat /kept.txt");
    twin.same("docker history -q dl-ri-t-flat:v1");
    twin.same("docker rm dl-ri-t-ex");
    twin.same("docker export -o " + realTar + " dl-ri-t-ex");
    twin.same("docker import " + files.resolve("none.tar") + " dl-ri-t-flat:v2");
  }
}
