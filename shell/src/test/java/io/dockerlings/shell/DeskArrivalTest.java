package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.progress.Progress;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeskArrivalTest {
  private static LessonDesk desk() {
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    return new LessonDesk(
        Course.of(Map.of()), new ShellWorkbench(backend), Optional.empty(), Progress.empty());
  }

  @Test
  void inBackground_loadsNothingUntilStarted_andStartsOnce() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    DeskArrival a =
        DeskArrival.inBackground(
            () -> {
              loads.incrementAndGet();
              return desk();
            },
            d -> "resumed",
            e -> "failed",
            after::incrementAndGet);
    Thread.sleep(100);
    assertEquals(0, loads.get());
    assertFalse(a.arrived());
    a.start();
    a.start();
    DeskArrival.Arrived got = a.await();
    assertTrue(got.desk().isPresent());
    assertEquals("resumed", got.said());
    assertEquals(1, loads.get());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (after.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(1, after.get());
  }

  @Test
  void await_startsTheLoadingItself() {
    DeskArrival a = DeskArrival.inBackground(DeskArrivalTest::desk, d -> "", e -> "", () -> {});
    assertTrue(a.await().desk().isPresent());
    assertTrue(a.arrived());
  }

  @Test
  void whatResumingSaid_isGivenOnce_toWhicheverAsksFirst() throws Exception {
    DeskArrival a =
        DeskArrival.inBackground(DeskArrivalTest::desk, d -> "where you were", e -> "", () -> {});
    assertEquals("where you were", a.takeSaid());
    assertEquals("", a.takeSaid());
    List<String> told = new CopyOnWriteArrayList<>();
    a.whenArrived(told::add);
    assertEquals(List.of(), told);

    DeskArrival b =
        DeskArrival.inBackground(DeskArrivalTest::desk, d -> "where you were", e -> "", () -> {});
    CountDownLatch heard = new CountDownLatch(1);
    b.whenArrived(
        s -> {
          told.add(s);
          heard.countDown();
        });
    b.start();
    assertTrue(heard.await(10, TimeUnit.SECONDS));
    assertEquals(List.of("where you were"), told);
    assertEquals("", b.takeSaid());
  }

  @Test
  void aLoadThatThrows_arrivesAsNoDesk_withWhyToSay() {
    DeskArrival a =
        DeskArrival.inBackground(
            () -> {
              throw new IllegalStateException("lessons/index.txt is missing");
            },
            d -> "never",
            e -> "dockerlings: " + e.getMessage(),
            () -> {});
    DeskArrival.Arrived got = a.await();
    assertTrue(got.desk().isEmpty());
    assertEquals("dockerlings: lessons/index.txt is missing", got.said());
  }

  @Test
  void now_isThereAtOnce_andLeavesResumingToItsUser() {
    DeskArrival a = DeskArrival.now(Optional.of(desk()));
    assertTrue(a.arrived());
    assertTrue(a.resumesHere());
    assertEquals("", a.takeSaid());
    assertFalse(
        DeskArrival.inBackground(DeskArrivalTest::desk, d -> "", e -> "", () -> {}).resumesHere());
  }
}
