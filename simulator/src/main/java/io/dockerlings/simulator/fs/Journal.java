package io.dockerlings.simulator.fs;

/**
 * Where a file system records, while a command runs, how to take back each change it makes: the
 * engine replays the records in reverse when the command fails half-way.
 */
@FunctionalInterface
public interface Journal {
  /** Records nothing: changes are final. */
  Journal NONE = undo -> {};

  /** Records how to take back the change about to be made. */
  void record(Runnable undo);

  /**
   * Records how to take back the change about to be made to {@code key} (a value: equal keys are
   * the same thing), unless this command already recorded one for it: a restore to the state before
   * the first change is all a rollback needs, so a file appended to a thousand times keeps one old
   * copy, not a thousand.
   */
  default void recordOnce(Object key, java.util.function.Supplier<Runnable> undo) {
    record(undo.get());
  }
}
