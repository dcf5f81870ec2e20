package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.cli.DockerException;

/**
 * Turns an error from the Engine API into what the docker CLI prints for it: the daemon's message
 * after {@code Error response from daemon: }, with the exit status the command uses.
 */
final class DaemonErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DaemonErrors() {}

  /** The daemon's own message inside a docker-java error ({@code Status 404: {"message":...}}). */
  static String message(RuntimeException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int brace = text.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode node = JSON.readTree(text.substring(brace));
        if (node.hasNonNull("message")) {
          return node.get("message").asText();
        }
      } catch (java.io.IOException | RuntimeException notJson) {
        // fall through to the raw text
      }
    }
    return text.replaceFirst("^Status \\d+: ", "").strip();
  }

  /** {@code Error response from daemon: MESSAGE}, exit 1 (most commands). */
  static DockerException of(RuntimeException e) {
    return DockerException.daemon(message(e));
  }

  /**
   * What {@code docker run}/{@code create} print: {@code docker: Error response from daemon:
   * MESSAGE.} and the help hint, exit 125.
   */
  static DockerException forRun(RuntimeException e, String helpName) {
    String m = message(e);
    return new DockerException(
        "docker: Error response from daemon: "
            + m
            + (m.endsWith(".") ? "" : ".")
            + "\nSee 'docker "
            + helpName
            + " --help'.",
        125);
  }
}
