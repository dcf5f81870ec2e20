package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.Journal;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The undo journal of the command being run. While a command runs, every store records how to take
 * back each change before it makes it: a file tree entry by entry, a container by a copy of its
 * state the first time the command reaches it, a small store (networks, volumes, images, ports) by
 * a copy of its index the first time the command changes it. When the command faults half-way the
 * records are replayed newest first and the engine is as it was; when it ends they are dropped. The
 * cost is proportional to what the command touched, never to the size of the engine.
 *
 * <p>Guards nest (a host line running docker commands): a fault rolls back to where its own guard
 * began.
 */
final class Undo implements Journal {
  /** One record: how to take back a change, and the object whose whole state it restores. */
  private record Step(Runnable undo, Object saved) {}

  private final Deque<Step> steps = new ArrayDeque<>();
  private final Set<Object> saved = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Keys recorded once per guard ({@link #recordOnce}), with the guard that recorded them. */
  private final Set<Once> savedOnce = new java.util.HashSet<>();

  /** A key of {@link #recordOnce} within one guard: a nested guard keeps its own first copy. */
  private record Once(Object key, int guard) {}

  /** The guards running now, innermost first, each by a number of its own. */
  private final Deque<Integer> guards = new ArrayDeque<>();

  private int nextGuard;
  private int depth;
  private int recorded;
  private int failAt;
  private boolean rollingBack;

  /** The fault a test injects into a command (see {@link #failAtRecord}). */
  static final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFault(int record) {
      super("injected at change " + record);
    }
  }

  /**
   * Runs {@code body} as one command: its changes are kept when it returns or fails normally, and
   * taken back when {@code isFault} says what it threw is a fault (a defect, a stack or heap
   * exhausted), which is then rethrown.
   */
  <T> T guard(Supplier<T> body, java.util.function.Predicate<Throwable> isFault) {
    int mark = steps.size();
    if (depth == 0) {
      recorded = 0;
    }
    depth++;
    guards.push(nextGuard++);
    try {
      return body.get();
    } catch (RuntimeException | Error e) {
      if (isFault.test(e) && !keepOnFault) {
        rollBackTo(mark);
      }
      throw e;
    } finally {
      depth--;
      guards.pop();
      if (depth == 0) {
        steps.clear();
        saved.clear();
        savedOnce.clear();
        nextGuard = 0;
        failAt = 0;
        keepOnFault = false;
      }
    }
  }

  /** Runs {@code body} as one command; anything it throws is a fault. */
  <T> T guard(Supplier<T> body) {
    return guard(body, t -> true);
  }

  /** Whether a command is running (changes are being recorded). */
  boolean active() {
    return depth > 0;
  }

  @Override
  public void record(Runnable undo) {
    if (depth > 0 && !rollingBack) {
      push(new Step(undo, null));
    }
  }

  @Override
  public void recordOnce(Object key, Supplier<Runnable> undo) {
    if (depth > 0 && !rollingBack) {
      Once once = new Once(key, guards.peek());
      if (savedOnce.add(once)) {
        push(new Step(undo.get(), once));
      }
    }
  }

  /**
   * Records {@code restore}, which brings {@code object} back to its state now, unless this command
   * already did: the first copy is the one that counts.
   */
  void saveOnce(Object object, Supplier<Runnable> restore) {
    if (depth > 0 && !rollingBack && saved.add(object)) {
      push(new Step(restore.get(), object));
    }
  }

  private void push(Step step) {
    steps.push(step);
    recorded++;
    if (recorded == failAt) {
      throw new InjectedFault(recorded);
    }
  }

  private void rollBackTo(int mark) {
    rollingBack = true;
    try {
      while (steps.size() > mark) {
        Step s = steps.pop();
        if (s.saved() instanceof Once once) {
          savedOnce.remove(once);
        } else if (s.saved() != null) {
          saved.remove(s.saved());
        }
        s.undo().run();
      }
    } finally {
      rollingBack = false;
    }
  }

  // ---- the test hook ------------------------------------------------------------------------

  /**
   * Makes the next command fail with {@link InjectedFault} as it records its {@code n}th change
   * (counting from 1), before making it: the test hook for a fault half-way through a command.
   */
  void failAtRecord(int n) {
    failAt = n;
  }

  /** Makes the next command keep its changes when it faults: the journal's control case. */
  void keepChangesOnFault() {
    keepOnFault = true;
  }

  private boolean keepOnFault;

  /** How many changes the last (or current) command recorded. */
  int recordedByLastCommand() {
    return recorded;
  }
}
