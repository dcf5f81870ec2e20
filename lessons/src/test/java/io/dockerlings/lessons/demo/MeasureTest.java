package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
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
    assertEquals(List.of(), Measure.rebuilt(List.of(CommandResult.of(0, cached, ""))));
    assertEquals(
        List.of("2", "3"),
        Measure.rebuilt(
            List.of(CommandResult.of(0, cached, ""), CommandResult.of(0, changed, ""))));
    assertEquals(List.of(), Measure.rebuilt(List.of(CommandResult.of(1, "", "no build"))));
  }
}
