package io.dockerlings.simulator.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class GoldenRunnerTest {
  private static final String TWO_BLOCKS =
      """
      $ docker run --name dl-x busybox echo hi
      hi
      ? 0
      $ docker rm dl-x
      dl-x
      ? 0
      """;

  private static List<DynamicTest> tests(DynamicNode node) {
    return ((DynamicContainer) node).getChildren().map(DynamicTest.class::cast).toList();
  }

  @Test
  void forFile_oneTestPerBlock_replayedInOrderOnOneEngine() throws Throwable {
    List<List<String>> seen = new ArrayList<>();
    AtomicInteger engines = new AtomicInteger();
    DynamicNode node =
        GoldenRunner.forFile(
            "containers/x.golden",
            TWO_BLOCKS,
            () -> {
              engines.incrementAndGet();
              return (argv, stdin) -> {
                seen.add(argv);
                return CommandResult.of(0, argv.get(1).equals("run") ? "hi\n" : "dl-x\n", "");
              };
            });
    assertEquals("containers/x.golden", node.getDisplayName());
    List<DynamicTest> tests = tests(node);
    assertEquals(2, tests.size());
    assertEquals("L1 $ docker run --name dl-x busybox echo hi", tests.get(0).getDisplayName());
    assertEquals("L4 $ docker rm dl-x", tests.get(1).getDisplayName());
    assertEquals(0, engines.get(), "the engine is made when the first command runs");
    for (DynamicTest test : tests) {
      test.getExecutable().execute();
    }
    assertEquals(1, engines.get());
    assertEquals(List.of("docker", "rm", "dl-x"), seen.get(1));
  }

  @Test
  void forFile_mismatch_failsWithTheReport() {
    DynamicNode node =
        GoldenRunner.forFile(
            "containers/x.golden",
            TWO_BLOCKS,
            () -> (argv, stdin) -> CommandResult.of(0, "bye\n", ""));
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> tests(node).get(0).getExecutable().execute());
    assertTrue(e.getMessage().startsWith("containers/x.golden:1: $ docker run"), e.getMessage());
    assertTrue(e.getMessage().contains("- hi|"), e.getMessage());
    assertTrue(e.getMessage().contains("+ bye|"), e.getMessage());
  }

  @Test
  void forFile_pending_isOneAbortedTestWithTheReason() {
    DynamicNode node =
        GoldenRunner.forFile(
            "containers/x.golden",
            "#! pending restart policies are not simulated\n" + TWO_BLOCKS,
            () -> {
              throw new AssertionError("a pending file must not start an engine");
            });
    List<DynamicTest> tests = tests(node);
    assertEquals(1, tests.size());
    assertEquals("pending: restart policies are not simulated", tests.get(0).getDisplayName());
    TestAbortedException e =
        assertThrows(TestAbortedException.class, () -> tests.get(0).getExecutable().execute());
    assertEquals("pending: restart policies are not simulated", e.getMessage());
  }

  @Test
  void forFile_malformed_isOneFailingTest() {
    DynamicNode node =
        GoldenRunner.forFile(
            "containers/x.golden",
            "$ docker ps\n",
            () -> (argv, stdin) -> CommandResult.of(0, "", ""));
    DynamicTest test = assertInstanceOf(DynamicTest.class, node);
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> test.getExecutable().execute());
    assertTrue(e.getMessage().contains("containers/x.golden:1"), e.getMessage());
  }

  @Test
  void fromClasspath_findsTheCorpus_andEveryFileParses() {
    List<DynamicNode> files =
        GoldenRunner.fromClasspath("golden", () -> (argv, stdin) -> CommandResult.of(0, "", ""))
            .toList();
    assertTrue(files.size() >= 16, "found " + files.size());
    for (DynamicNode file : files) {
      assertInstanceOf(DynamicContainer.class, file, file.getDisplayName() + " is malformed");
      assertFalse(tests(file).isEmpty(), file.getDisplayName());
    }
    assertTrue(
        files.stream().anyMatch(f -> f.getDisplayName().equals("golden/containers/run.golden")));
  }
}
