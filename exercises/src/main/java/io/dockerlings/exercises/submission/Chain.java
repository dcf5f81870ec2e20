package io.dockerlings.exercises.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.exercises.model.ExerciseLoader;
import java.nio.charset.StandardCharsets;

/**
 * The hash chain of a submission: every JSON line carries {@code prev} (the hash of the line
 * before, 64 zeros for the first) and {@code hash}, the SHA-256 of the line as written without its
 * {@code hash} field.
 */
final class Chain {
  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Chain() {}

  /** The hash of a record: its JSON text without the {@code hash} field. */
  static String hashOf(ObjectNode record) {
    ObjectNode body = record.deepCopy();
    body.remove("hash");
    return ExerciseLoader.sha256(text(body).getBytes(StandardCharsets.UTF_8));
  }

  /** Sets {@code prev} and {@code hash} and returns the line to write (without newline). */
  static String seal(ObjectNode record, String prev) {
    record.put("prev", prev);
    record.remove("hash");
    record.put("hash", hashOf(record));
    return text(record);
  }

  static String text(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  static ObjectMapper json() {
    return JSON;
  }
}
