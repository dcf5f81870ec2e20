package io.dockerlings.exercises.model;

/** An exercise file that cannot be used, with the place and the reason. */
public final class ExerciseException extends Exception {
  private static final long serialVersionUID = 1L;

  public ExerciseException(String message) {
    super(message);
  }
}
