package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureTest {
  @Test
  void rebuilt_readsTheStepsNotTakenFromTheCacheInTheLastBuild() {
    String cached =
        "Step 1/3 : FROM busybox\n ---> a\nStep 2/3 : RUN x\n ---> Using cache\n ---> b\n"
            + "Step 3/3 : CMD [\"sh\"]\n ---> Using cache\n";
    String changed =
        "Step 1/3 : FROM busybox\n ---> a\nStep 2/3 : RUN y\n ---> Running in c\n"
            + "Step 3/3 : CMD [\"sh\"]\n ---> Running in d\n";
    assertEquals("none", Measure.rebuilt(List.of(CommandResult.of(0, cached, ""))).text());
    assertEquals(
        "2,3",
        Measure.rebuilt(List.of(CommandResult.of(0, cached, ""), CommandResult.of(0, changed, "")))
            .text());
    assertEquals("-", Measure.rebuilt(List.of(CommandResult.of(1, "", "no build"))).text());
  }

  @Test
  void read_exitCodeAndOomKilled_comeFromInspect_andAMissingContainerReadsAsDash() {
    try (DockerSimulator sim = DockerSimulator.create()) {
      sim.execute(List.of("docker", "run", "--name", "m-x", "busybox", "sh", "-c", "exit 3"), "");
      assertEquals(
          3.0,
          Measure.read(new Quantity("exit-code", Map.of("name", "m-x")), sim, List.of())
              .number()
              .orElseThrow());
      assertEquals(
          "false",
          Measure.read(new Quantity("oom-killed", Map.of("name", "m-x")), sim, List.of()).text());
      assertEquals(
          "-",
          Measure.read(new Quantity("exit-code", Map.of("name", "nope")), sim, List.of()).text());
    }
  }

  @Test
  void read_outputAndLastExit_readTheStepsLastCommand() {
    List<CommandResult> rs =
        List.of(CommandResult.of(0, "a\n", ""), CommandResult.of(1, "", "b\n"));
    assertEquals("b", Measure.read(new Quantity("output", Map.of()), null, rs).text());
    assertEquals("1", Measure.read(new Quantity("last-exit", Map.of()), null, rs).text());
  }
}
