package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import org.junit.jupiter.api.Test;

class RealVolumesTest extends TwinTest {

  @Test
  void volume_createListInspectRemove_answerAsTheSimulator() {
    twin.same("docker volume create dl-ri-t-vol");
    twin.same("docker volume create dl-ri-t-vol");
    twin.same("docker volume ls");
    twin.same("docker volume ls -q");
    twin.same("docker volume inspect -f '{{.Name}} {{.Driver}} {{.Scope}}' dl-ri-t-vol");
    twin.same("docker volume inspect dl-ri-t-nosuch");
    twin.same("docker run -d --name dl-ri-t-user -v dl-ri-t-vol:/data busybox sleep 60");
    twin.same("docker volume rm dl-ri-t-vol");
    twin.same("docker volume rm dl-ri-t-nosuch");
    twin.same("docker rm -f dl-ri-t-user");
    twin.same("docker volume rm dl-ri-t-vol");
  }

  @Test
  void volume_create_carriesSandboxAndLearnerLabels() {
    twin.real("docker volume create --label course=yes dl-ri-t-lab");
    String labels =
        twin.real(
                "docker volume inspect -f '{{.Labels.course}} {{index .Labels \"io.dockerlings.sandbox\"}}' dl-ri-t-lab")
            .stdout();
    assertEquals("yes " + twin.real.sessionId() + "\n", labels);
  }

  @Test
  void volume_prune_removesOnlySandboxVolumes() throws Exception {
    EngineApi api = Twin.LOCATOR.api();
    api.client().createVolumeCmd().withName("dl-ri-t-foreign").exec();
    try {
      twin.real("docker volume create dl-ri-t-mine");
      CommandResult ls = twin.real("docker volume ls -q");
      assertEquals("dl-ri-t-mine\n", ls.stdout());
      // The session's names are its own: dl-ri-t-foreign is no volume of it.
      CommandResult rm = twin.real("docker volume rm dl-ri-t-foreign");
      assertEquals(1, rm.exitCode());
      assertTrue(
          rm.stderr().toLowerCase(java.util.Locale.ROOT).contains("no such volume"), rm.stderr());
      CommandResult prune = twin.real("docker volume prune -f");
      assertEquals("Deleted Volumes:\ndl-ri-t-mine\n\nTotal reclaimed space: 0B\n", prune.stdout());
      assertTrue(api.get("/volumes/dl-ri-t-foreign").isPresent(), "prune took a foreign volume");
      // Creating that name makes the session's own volume, and the foreign one stays unlabelled.
      CommandResult create = twin.real("docker volume create dl-ri-t-foreign");
      assertEquals(0, create.exitCode(), create.stderr());
      assertEquals("dl-ri-t-foreign\n", create.stdout());
      assertTrue(
          api.get("/volumes/dl-ri-t-foreign")
              .get()
              .path("Labels")
              .path(Sandbox.SANDBOX)
              .isMissingNode(),
          "a foreign volume was adopted");
    } finally {
      api.client().removeVolumeCmd("dl-ri-t-foreign").exec();
    }
  }

  @Test
  void volume_prune_withoutYes_removesNothing() {
    twin.same("docker volume create dl-ri-t-keep");
    CommandResult asked = twin.real("docker volume prune", "n\n");
    assertEquals(0, asked.exitCode());
    assertEquals("dl-ri-t-keep\n", twin.real("docker volume ls -q").stdout());
  }

  @Test
  void volume_anonymousVolumesOfSandboxContainers_areListedAndReadable() {
    twin.same("docker run -d --name dl-ri-t-anon -v /data busybox sleep 60");
    String name = twin.real("docker volume ls -q").stdout().strip();
    assertTrue(name.matches("[0-9a-f]{64}"), name);
    twin.same("docker volume ls -q --filter name=dl-ri-t-zzz");
    assertEquals(
        name + " local\n",
        twin.real("docker volume inspect -f '{{.Name}} {{.Driver}}' " + name).stdout());
    twin.same("docker rm -f -v dl-ri-t-anon");
    twin.same("docker volume ls -q");
  }
}
