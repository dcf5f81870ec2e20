package io.dockerlings.simulator.format;

/**
 * Runs the parsing or execution of a long template on a thread whose stack can grow as far as a
 * goroutine's does in Go (1 GB), so that deep nesting ends the way Go ends it, not in a Java stack
 * overflow.
 */
final class DeepStack {
  /** Go's maximum goroutine stack on 64-bit systems. */
  private static final long STACK_BYTES = 1L << 30;

  /** Templates shorter than this cannot nest deep enough to need a larger stack. */
  static final int THRESHOLD = 4096;

  /** Template work that may fail with Go's message. */
  interface Work<T> {
    T run() throws TemplateException;
  }

  private DeepStack() {}

  /** Runs {@code work} here when {@code text} is short, else on a thread with a large stack. */
  static <T> T call(String text, Work<T> work) throws TemplateException {
    if (text.length() < THRESHOLD) {
      return work.run();
    }
    Outcome<T> outcome = new Outcome<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                outcome.value = work.run();
              } catch (TemplateException | RuntimeException | Error e) {
                outcome.failure = e;
              }
            },
            "go-template",
            STACK_BYTES);
    thread.start();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (outcome.failure instanceof TemplateException e) {
      throw e;
    }
    if (outcome.failure instanceof RuntimeException e) {
      throw e;
    }
    if (outcome.failure instanceof Error e) {
      throw e;
    }
    return outcome.value;
  }

  /** What the worker thread produced, read after it ended. */
  private static final class Outcome<T> {
    private T value;
    private Throwable failure;
  }
}
