package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import org.junit.jupiter.api.Test;

class RealImageEditsTest extends TwinTest {

  @Test
  void tag_and_rmi_answerAsTheSimulator() {
    twin.same("docker tag busybox dl-ri-t-bb:v1");
    twin.same("docker tag busybox dl-ri-t-bb:v2");
    twin.same("docker images dl-ri-t-bb --format '{{.Repository}}:{{.Tag}}'");
    twin.same("docker tag busybox MyApp:v1");
    twin.same("docker tag dl-ri-t-nosuch dl-ri-t-x");
    twin.same("docker rmi dl-ri-t-bb:v1");
    twin.same("docker rmi dl-ri-t-bb:v2 dl-ri-t-nosuch");
    twin.same("docker images dl-ri-t-bb");
  }

  @Test
  void tag_leftByTheLearner_goesWithTheSession() throws Exception {
    twin.real("docker tag busybox dl-ri-t-left:v1");
    // On the engine the tag is the session's own: its prefix before the name.
    String engineTag = "/images/dl-" + twin.real.sessionId() + ".dl-ri-t-left:v1/json";
    assertTrue(Twin.LOCATOR.api().get(engineTag).isPresent());
    assertTrue(Twin.LOCATOR.api().get("/images/dl-ri-t-left:v1/json").isEmpty());
    twin.close();
    assertTrue(Twin.LOCATOR.api().get(engineTag).isEmpty());
    assertTrue(Twin.LOCATOR.api().get("/images/busybox:latest/json").isPresent());
    twin = Twin.open(state);
  }

  @Test
  void tagAndRmi_ofImagesNotMadeHere_areRefused() throws Exception {
    CommandResult rmi = twin.real("docker rmi busybox");
    assertEquals(1, rmi.exitCode());
    assertEquals(
        "dockerlings: real mode leaves alone what it did not create: image busybox is not part of"
            + " this sandbox.\n",
        rmi.stderr());
    CommandResult move = twin.real("docker tag dl-ri-t-none busybox:latest");
    assertEquals(1, move.exitCode());
    assertTrue(move.stderr().contains("busybox:latest is not part of this sandbox"));
    assertTrue(Twin.LOCATOR.api().get("/images/busybox:latest/json").isPresent());
  }

  @Test
  void historyAndInspect_readAnyImageAsTheSimulator() {
    twin.same("docker history -q busybox");
    twin.same("docker history --format '{{.CreatedBy}}|{{.Comment}}' busybox");
    // The engine's wording (checked with docker 20.10.24); the simulator says "Error: No such
    // image: dl-ri-t-nosuch" here.
    CommandResult missing = twin.real("docker history dl-ri-t-nosuch");
    assertEquals(1, missing.exitCode());
    assertEquals(
        "Error response from daemon: No such image: dl-ri-t-nosuch:latest\n", missing.stderr());
    twin.same("docker image inspect -f '{{.Config.Cmd}} {{.Os}} {{.Architecture}}' busybox");
    twin.same("docker image inspect dl-ri-t-nosuch");
    twin.same("docker image inspect -f '{{.Os}}' busybox dl-ri-t-nosuch");
  }
}
