package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

/** Volume, network and registry goals. */
class ObjectGoalsTest {
  @Test
  void volumeGoal_passesWhenThereAndFailsWhenNot() {
    Sandbox s = new Sandbox().ok("docker volume create data");
    passes(s, "volume: {name: data}");
    passes(s, "volume: data");
    assertEquals("there is no volume named logs", fails(s, "volume: logs").reason().en());
  }

  @Test
  void networkGoal_checksDriverAndSubnet() {
    Sandbox s = new Sandbox().ok("docker network create --subnet 172.30.0.0/16 app");
    passes(s, "network: {name: app, driver: bridge, subnet: 172.30.0.0/16}");
    fails(s, "network: {name: app, subnet: 172.31.0.0/16}");
    fails(s, "network: {name: app, driver: overlay}");
    fails(s, "network: nope");
  }

  @Test
  void registryGoal_readsWhatTheRegistryHolds() {
    Sandbox s = new Sandbox();
    fails(s, "registry: {host: 'localhost:5000', repo: busybox, tag: v1}");
    s.ok("docker run -d --name reg -p 5000:5000 registry:2")
        .ok("docker tag busybox localhost:5000/busybox:v1");
    assertEquals(
        "the registry at localhost:5000 holds no tags for busybox, not v1",
        fails(s, "registry: {host: 'localhost:5000', repo: busybox, tag: v1}").reason().en());
    s.ok("docker push localhost:5000/busybox:v1");
    passes(s, "registry: {host: 'localhost:5000', repo: busybox, tag: v1}");
    fails(s, "registry: {host: 'localhost:5000', repo: busybox, tag: v2}");
  }
}
