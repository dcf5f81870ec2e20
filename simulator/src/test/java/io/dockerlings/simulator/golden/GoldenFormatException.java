package io.dockerlings.simulator.golden;

/** A golden file that does not follow the transcript format; the message names file and line. */
final class GoldenFormatException extends RuntimeException {
  GoldenFormatException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
  }
}
