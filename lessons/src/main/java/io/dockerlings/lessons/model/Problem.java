package io.dockerlings.lessons.model;

/**
 * One thing wrong with a lesson file, where it is.
 *
 * @param file the file's name
 * @param line the 1-based line
 * @param message what is wrong, for the author
 */
public record Problem(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
