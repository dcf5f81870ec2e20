package io.dockerlings.shell;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Readies the REPL's history file before the line editor opens it: a damaged one (not UTF-8 text, a
 * directory) is kept aside under a new name and a new history starts; where nothing can be written,
 * the session keeps its history in memory and says so once.
 */
final class HistoryFile {
  private HistoryFile() {}

  /**
   * The file the line editor may use, or empty when the history can only live in memory.
   *
   * @param notes receives the one-line notes for the learner (already worded)
   */
  static Optional<Path> prepare(Path home, Messages messages, Consumer<String> notes) {
    Path file = home.resolve("history");
    try {
      Files.createDirectories(home);
      Optional<String> damage = damage(file);
      if (damage.isPresent()) {
        Path aside = asideName(file);
        Files.move(file, aside);
        notes.accept(messages.get("history.aside", file, damage.get(), aside.getFileName()));
      }
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      if (!Files.isWritable(file)) {
        throw new java.nio.file.AccessDeniedException(file.toString());
      }
      return Optional.of(file);
    } catch (IOException | SecurityException e) {
      notes.accept(messages.get("history.unwritable", home, reason(e)));
      return Optional.empty();
    }
  }

  /** What is wrong with an existing history file, or empty when it can be read as history. */
  private static Optional<String> damage(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of("not a regular file");
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)));
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of("not UTF-8 text");
    }
  }

  /** {@code history.damaged}, or with a number when that name is taken. */
  private static Path asideName(Path file) {
    Path aside = file.resolveSibling(file.getFileName() + ".damaged");
    for (int i = 1; Files.exists(aside); i++) {
      aside = file.resolveSibling(file.getFileName() + ".damaged." + i);
    }
    return aside;
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
