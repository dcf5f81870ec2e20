package io.dockerlings.lessons.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a child JVM writes progress: after every kill the file is a
 * complete, valid progress holding at least every write the child saw return, until 1,000 writes
 * have been made.
 */
class ProgressCrashTest {
  private static final int WRITES = 1_000;

  @Test
  void killMinus9_duringWrites_neverLosesOrCorruptsProgress(@TempDir Path dir) throws Exception {
    Random random = new Random(20261205);
    ProgressStore store = new ProgressStore(dir, Clock.systemUTC());
    int kills = 0;
    int confirmed = 0;
    while (confirmed < WRITES) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xshare:auto",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ProgressWriterMain.class.getName(),
                  dir.toString(),
                  Integer.toString(WRITES))
              .redirectErrorStream(true)
              .start();
      AtomicInteger lastSaved = new AtomicInteger(confirmed);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    if (line.startsWith("saved ")) {
                      lastSaved.set(Integer.parseInt(line.substring(6)));
                    }
                  }
                } catch (java.io.IOException e) {
                  // The child was killed: its output ends here.
                }
              });
      reader.start();
      boolean killed = false;
      if (kills < 40) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (lastSaved.get() == confirmed && child.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        Thread.sleep(random.nextInt(120));
        if (child.isAlive()) {
          child.destroyForcibly();
          killed = true;
          kills++;
        }
      }
      child.waitFor(60, TimeUnit.SECONDS);
      reader.join(5_000);
      ProgressStore.Loaded loaded = store.load();
      assertTrue(loaded.movedAside().isEmpty(), "the file was corrupt after kill " + kills);
      int n = loaded.progress().of("crash").map(p -> p.commands().size()).orElse(0);
      assertTrue(
          n >= lastSaved.get(),
          "a write the child saw return was lost: file has "
              + n
              + ", child saved "
              + lastSaved.get());
      assertEquals(ProgressWriterMain.progressWith(n), loaded.progress());
      confirmed = n;
      if (!killed) {
        assertEquals(WRITES, n);
      }
      try (var files = Files.list(dir)) {
        long temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        assertTrue(temps <= 1, "temporary files pile up: " + temps);
      }
    }
    assertTrue(kills >= 10, "the test killed the writer only " + kills + " times");
  }
}
