package io.dockerlings.lessons.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T04:00:00Z"), ZoneOffset.UTC);

  static Progress sample() {
    return Progress.empty()
        .with(
            "m0-intro",
            new Progress.LessonProgress(
                2,
                1,
                Map.of("a", "done", "b", "assisted"),
                Map.of("b", "33"),
                List.of(
                    new Progress.Command("docker run --name web busybox", 0, List.of()),
                    new Progress.Command(
                        "docker run -it busybox sh", 0, List.of("echo x", "exit"))),
                false));
  }

  @Test
  void saveThenLoad_roundTrips(@TempDir Path dir) throws Exception {
    ProgressStore store = new ProgressStore(dir.resolve("data"), CLOCK);
    assertEquals(Progress.empty(), store.load().progress());
    store.save(sample());
    ProgressStore.Loaded loaded = store.load();
    assertEquals(sample(), loaded.progress());
    assertEquals("m0-intro", loaded.progress().currentLesson().orElseThrow());
    assertTrue(loaded.movedAside().isEmpty());
    try (var files = Files.list(dir.resolve("data"))) {
      assertEquals(List.of("progress.json"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void load_corruptFile_isMovedAsideAndReported(@TempDir Path dir) throws Exception {
    ProgressStore store = new ProgressStore(dir, CLOCK);
    Files.writeString(store.file(), "{\"version\": 1, \"lessons\": {\"x\": ");
    ProgressStore.Loaded loaded = store.load();
    assertEquals(Progress.empty(), loaded.progress());
    Path aside = loaded.movedAside().orElseThrow();
    assertEquals("progress.json.corrupt-20261205-040000", aside.getFileName().toString());
    assertEquals("{\"version\": 1, \"lessons\": {\"x\": ", Files.readString(aside));
    assertFalse(Files.exists(store.file()));
    Files.writeString(store.file(), "[]");
    assertTrue(store.load().movedAside().orElseThrow().getFileName().toString().endsWith("-1"));
  }

  @Test
  void defaultDir_prefersDockerlingsHomeThenXdg() {
    assertEquals(
        Path.of("/d"),
        ProgressStore.defaultDir(Map.of("DOCKERLINGS_HOME", "/d", "XDG_DATA_HOME", "/x"), "/h"));
    assertEquals(
        Path.of("/x/dockerlings"), ProgressStore.defaultDir(Map.of("XDG_DATA_HOME", "/x"), "/h"));
    assertEquals(Path.of("/h/.local/share/dockerlings"), ProgressStore.defaultDir(Map.of(), "/h"));
  }
}
