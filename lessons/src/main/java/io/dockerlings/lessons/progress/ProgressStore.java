package io.dockerlings.lessons.progress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps progress in {@code progress.json} under the learner's data directory, written atomically (a
 * temporary file in the same directory, forced to disk, then renamed over the old one) so that a
 * crash at any moment leaves either the old or the new progress, never a torn file. A file that
 * cannot be read is moved aside, never overwritten, and reported.
 */
public final class ProgressStore {
  /** The file's name inside the data directory. */
  public static final String FILE = "progress.json";

  /**
   * The JSON mapper, made when progress is first read or written: naming the data directory (which
   * the REPL does before its first prompt) must not start Jackson.
   */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}
  }

  private final Path dir;
  private final Clock clock;

  /**
   * What loading found.
   *
   * @param progress the progress read, or empty progress when there was none or it was corrupt
   * @param movedAside where a corrupt file was moved, if one was
   */
  public record Loaded(Progress progress, Optional<Path> movedAside) {}

  public ProgressStore(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /**
   * The data directory: {@code DOCKERLINGS_HOME} if set, else {@code $XDG_DATA_HOME/dockerlings},
   * else {@code ~/.local/share/dockerlings}.
   */
  public static Path defaultDir(Map<String, String> env, String userHome) {
    String home = env.get("DOCKERLINGS_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "dockerlings");
    }
    return Path.of(userHome, ".local", "share", "dockerlings");
  }

  /** The progress file. */
  public Path file() {
    return dir.resolve(FILE);
  }

  /**
   * Reads the progress; a missing file is no progress, a corrupt one is moved aside. Temporary
   * files a crashed write left behind are removed: they never hold the valid progress.
   */
  public Loaded load() throws IOException {
    if (Files.isDirectory(dir)) {
      try (java.util.stream.Stream<Path> s = Files.list(dir)) {
        for (Path p : s.toList()) {
          String n = p.getFileName().toString();
          if (n.startsWith(FILE + ".") && n.endsWith(".tmp")) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
    Path f = file();
    if (!Files.exists(f)) {
      return new Loaded(Progress.empty(), Optional.empty());
    }
    try {
      Progress p = Json.MAPPER.readValue(f.toFile(), Progress.class);
      if (p == null || p.lessons() == null || p.version() != Progress.VERSION) {
        throw new IOException("not a version " + Progress.VERSION + " progress file");
      }
      return new Loaded(p, Optional.empty());
    } catch (IOException | RuntimeException e) {
      String stamp =
          DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
              .withZone(ZoneOffset.UTC)
              .format(clock.instant());
      Path aside = dir.resolve(FILE + ".corrupt-" + stamp);
      int n = 1;
      while (Files.exists(aside)) {
        aside = dir.resolve(FILE + ".corrupt-" + stamp + "-" + n++);
      }
      Files.move(f, aside);
      return new Loaded(Progress.empty(), Optional.of(aside));
    }
  }

  /** Writes the progress atomically. */
  public void save(Progress progress) throws IOException {
    Files.createDirectories(dir);
    byte[] bytes = Json.MAPPER.writeValueAsBytes(progress);
    Path tmp = Files.createTempFile(dir, FILE + ".", ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(
            tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void forceDirectory() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Not every platform can open a directory; the rename is already durable enough there.
    }
  }
}
