package io.dockerlings.lessons.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.goal.Fields;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.Sandbox;
import io.dockerlings.simulator.HostSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
  @Test
  void answer_replaysSetupSessionAndRun_inAFreshEngine() {
    Quantity q = Quantity.parse(new Fields(Sandbox.yaml("cpu-percent: low"), ""));
    Journal session =
        Journal.empty()
            .append(
                new Journal.Entry(
                    "docker run -d --name high -c 1024 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'",
                    0,
                    ""));
    Value v =
        Model.answer(
                HostSpec.courseServer(),
                List.of(),
                session,
                List.of(
                    "docker run -d --name low -c 512 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'"),
                q)
            .orElseThrow();
    assertEquals(33.3, v.number().orElseThrow(), 1.0);
    Value alone =
        Model.answer(
                HostSpec.courseServer(),
                List.of(),
                Journal.empty(),
                List.of(
                    "docker run -d --name low -c 512 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'"),
                q)
            .orElseThrow();
    assertEquals(100.0, alone.number().orElseThrow(), 1.0);
  }

  @Test
  void answer_ofMissingObject_isEmpty() {
    Quantity q = Quantity.parse(new Fields(Sandbox.yaml("exit-code: ghost"), ""));
    assertTrue(
        Model.answer(HostSpec.courseServer(), List.of(), Journal.empty(), List.of("docker ps"), q)
            .isEmpty());
  }
}
