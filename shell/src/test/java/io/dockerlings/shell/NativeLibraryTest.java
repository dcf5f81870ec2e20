package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.jline.nativ.JLineNativeLoader;
import org.jline.nativ.OSInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {
  @TempDir Path root;

  private static byte[] bundled() throws IOException {
    String name =
        "/org/jline/nativ/"
            + OSInfo.getNativeLibFolderPathForCurrentOS()
            + "/"
            + NativeLibrary.libraryName();
    try (InputStream in = JLineNativeLoader.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void prepare_copiesTheBundledLibraryOnce_andReusesIt() throws IOException {
    Optional<Path> dir = NativeLibrary.prepare(root);
    assertTrue(dir.isPresent());
    Path file = dir.get().resolve(NativeLibrary.libraryName());
    assertArrayEquals(bundled(), Files.readAllBytes(file));
    assertTrue(dir.get().getFileName().toString().startsWith("jline-"), dir.get().toString());

    FileTime before = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, before);
    assertEquals(dir, NativeLibrary.prepare(root));
    // The second start found it whole and did not write it again.
    assertEquals(before, Files.getLastModifiedTime(file));
    try (var left = Files.list(dir.get())) {
      assertEquals(1, left.count(), "no partial file is left beside it");
    }
  }

  @Test
  void prepare_replacesACopyOfTheWrongSize() throws IOException {
    Path dir = NativeLibrary.prepare(root).orElseThrow();
    Path file = dir.resolve(NativeLibrary.libraryName());
    Files.write(file, new byte[] {1, 2, 3});
    assertEquals(Optional.of(dir), NativeLibrary.prepare(root));
    assertArrayEquals(bundled(), Files.readAllBytes(file));
  }

  @Test
  void prepare_whereNothingCanBeWritten_leavesJLineToItsOwnWays() throws IOException {
    Path notADirectory = Files.writeString(root.resolve("plain-file"), "x");
    assertFalse(NativeLibrary.prepare(notADirectory.resolve("native")).isPresent());
  }
}
