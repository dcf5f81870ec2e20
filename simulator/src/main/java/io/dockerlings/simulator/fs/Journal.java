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
}
