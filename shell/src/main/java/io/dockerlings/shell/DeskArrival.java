package io.dockerlings.shell;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lessons desk as it arrives: loaded (course, progress) and resumed at the learner's step on a
 * thread of its own while the first prompt is already up, or there from the start. Whoever needs
 * the desk or the engine waits for it; what resuming said is handed out exactly once.
 */
final class DeskArrival {
  /**
   * What arrived.
   *
   * @param desk the desk, empty when there are no lessons or loading them failed
   * @param said what resuming said (already wrapped), or why loading failed; empty for nothing
   */
  record Arrived(Optional<LessonDesk> desk, String said) {}

  private final CompletableFuture<Arrived> future;
  private final java.util.concurrent.atomic.AtomicBoolean told =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final boolean resumesHere;
  private final Thread loader;
  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();

  private DeskArrival(CompletableFuture<Arrived> future, boolean resumesHere, Thread loader) {
    this.future = future;
    this.resumesHere = resumesHere;
    this.loader = loader;
  }

  /** A desk that is there already (or none); resuming it is left to its user. */
  static DeskArrival now(Optional<LessonDesk> desk) {
    return new DeskArrival(CompletableFuture.completedFuture(new Arrived(desk, "")), true, null);
  }

  /** Whether the desk came as it is and its user resumes it (true for {@link #now}). */
  boolean resumesHere() {
    return resumesHere;
  }

  /**
   * Loads the desk and resumes it on a daemon thread of its own, started by {@link #start} (or by
   * the first wait): the REPL starts it when its prompt is up, so that on a small machine the
   * loading never competes with the first prompt for the processor.
   *
   * @param load builds the desk (parses the course, reads progress)
   * @param resume resumes the learner's lesson on the desk (replays on the engine) and returns what
   *     it says
   * @param failed what to say when loading or resuming throws
   * @param afterwards runs on the same thread once the desk has arrived (more loading)
   */
  static DeskArrival inBackground(
      Supplier<LessonDesk> load,
      java.util.function.Function<LessonDesk, String> resume,
      java.util.function.Function<Throwable, String> failed,
      Runnable afterwards) {
    CompletableFuture<Arrived> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              Arrived a;
              try {
                LessonDesk desk = load.get();
                a = new Arrived(Optional.of(desk), resume.apply(desk));
              } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                a = new Arrived(Optional.empty(), failed.apply(e));
              }
              f.complete(a);
              afterwards.run();
            },
            "dockerlings-lessons");
    t.setDaemon(true);
    return new DeskArrival(f, false, t);
  }

  /** Starts loading, once; does nothing for a desk that is already there. */
  void start() {
    if (loader != null && started.compareAndSet(false, true)) {
      loader.start();
    }
  }

  /** Whether the desk has arrived (or failed to). */
  boolean arrived() {
    return future.isDone();
  }

  /** Waits for the desk (starting to load it if nobody has yet); never throws. */
  Arrived await() {
    start();
    try {
      return future.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      return new Arrived(Optional.empty(), "");
    }
  }

  /**
   * Waits for the desk and returns what resuming said, unless {@link #whenArrived} told it first;
   * the caller claims it before waiting, so that a line typed before the desk arrived shows where
   * the learner was before its own answer, never after it.
   */
  String takeSaid() {
    boolean mine = told.compareAndSet(false, true);
    Arrived a = await();
    return mine ? a.said() : "";
  }

  /**
   * Calls {@code tell} on the loading thread with what resuming said, unless {@link #takeSaid} took
   * it first; does nothing when nothing was said.
   */
  void whenArrived(Consumer<String> tell) {
    future.thenAccept(
        a -> {
          if (!a.said().isEmpty() && told.compareAndSet(false, true)) {
            tell.accept(a.said());
          }
        });
  }
}
