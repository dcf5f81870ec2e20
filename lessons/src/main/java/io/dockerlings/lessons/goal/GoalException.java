package io.dockerlings.lessons.goal;

/**
 * A goal (or any part of a lesson file) that cannot be read, with where it is: a JSON pointer into
 * the document ({@code /steps/3/goal/container/state}) that the loader turns into a line number.
 */
public final class GoalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where in the document, as a JSON pointer. */
  private final String pointer;

  public GoalException(String pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  /** Where in the document the problem is, as a JSON pointer ({@code ""} for the root). */
  public String pointer() {
    return pointer;
  }
}
