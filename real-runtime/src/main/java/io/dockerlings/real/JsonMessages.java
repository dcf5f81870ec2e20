package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lines the docker CLI prints, without a terminal, for the JSON message stream of build, pull,
 * push and load: progress bars are left out, statuses print as {@code ID: STATUS}, build output as
 * is. Keeps the first error the stream reports and its exit code.
 */
final class JsonMessages {
  private final StringBuilder out = new StringBuilder();
  private String error;
  private int errorCode;
  private JsonNode lastAux;

  /** Takes one message of the stream. */
  void accept(JsonNode m) {
    if (m.hasNonNull("errorDetail") || m.hasNonNull("error")) {
      if (error == null) {
        JsonNode detail = m.path("errorDetail");
        error = detail.path("message").asText(m.path("error").asText());
        errorCode = detail.path("code").asInt(0);
      }
      return;
    }
    if (m.has("aux")) {
      lastAux = m.get("aux");
    }
    JsonNode progress = m.path("progressDetail");
    if (progress.path("current").asLong(0) > 0 || progress.path("total").asLong(0) > 0) {
      // A progress bar: without a terminal the CLI prints nothing for it.
      return;
    }
    if (m.hasNonNull("stream")) {
      out.append(m.get("stream").asText());
    } else if (m.hasNonNull("status")) {
      if (m.hasNonNull("id")) {
        out.append(m.get("id").asText()).append(": ");
      }
      out.append(m.get("status").asText()).append('\n');
    }
  }

  /** What the CLI printed on stdout so far. */
  String output() {
    return out.toString();
  }

  /** Whether the stream reported an error. */
  boolean failed() {
    return error != null;
  }

  /** The error's message, printed on stderr without a prefix. */
  String error() {
    return error;
  }

  /** The exit status of the command when the stream failed: the error's code, or 1. */
  int exitCode() {
    return errorCode > 0 ? errorCode : 1;
  }

  /** The last {@code aux} object of the stream (the built image's ID, a push's digest). */
  JsonNode aux() {
    return lastAux;
  }
}
