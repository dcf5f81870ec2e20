package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.ShellProcess.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a signal reaches a process: its traps, the kernel's rules for a namespace's init, programs
 * that die of the signal, and Ctrl-C on a terminal (SIGINT to the foreground group).
 */
final class SignalDelivery {
  private final ShellProcess sh;

  SignalDelivery(ShellProcess sh) {
    this.sh = sh;
  }

  /** Delivers a signal at time {@code at}, with the kernel's rules for namespace init. */
  void signal(int sig, Instant at) {
    if (sh.state() == State.EXITED) {
      return;
    }
    if (sig == 9) {
      sh.finish(137, at);
      return;
    }
    if (sh.frozen) {
      // Other signals stay pending while the allocation waits; no handler can run.
      return;
    }
    String action = sh.traps.get(sig);
    if (action != null) {
      if (action.isEmpty()) {
        return;
      }
      sh.pendingSignals.add(sig);
      if (sh.state() != State.SLEEPING) {
        sh.advanceTo(at);
        sh.setState(State.RUNNABLE);
      }
      return;
    }
    Programs.Blocking blocking = sh.blockingProgram;
    if (blocking != null && blocking.handlesTerm() && (sig == 15 || sig == 2 || sig == 3)) {
      // A program that cleans up and then dies of the signal (top) reports the signal's status.
      int code = blocking.exitOnTerm() == 143 ? 128 + sig : blocking.exitOnTerm();
      sh.finish(code, at);
      return;
    }
    if (sig == 2 && catchesInterrupt()) {
      // Checked on Docker 20.10.24: docker kill -s INT (or a foreground run's Ctrl-C) ends a PID 1
      // "sh -c 'while true; do sleep 1; done'" with 130 once the running sleep is done.
      sh.pendingSignals.add(sig);
      if (sh.state() == State.BUSY || sh.state() == State.RUNNABLE) {
        sh.advanceTo(at);
        sh.setState(State.RUNNABLE);
      }
      return;
    }
    if (sh.pid1()) {
      return;
    }
    sh.finish(128 + sig, at);
  }

  /**
   * Whether this is an ash running {@code sh -c} (not a terminal shell, and not replaced by the
   * program it exec'd): such a shell installs a handler for SIGINT, so even as a namespace's init
   * it takes the signal, waits for its foreground child and then ends with 130.
   */
  private boolean catchesInterrupt() {
    return sh.commandString && !sh.interactive() && sh.argvOverride == null;
  }

  /**
   * Whether signal {@code sig} sent now would be dropped: the process is its namespace's init and
   * has no handler for it (an ignoring trap drops it too), so it goes on as if nothing happened.
   */
  boolean ignores(int sig) {
    if (sh.state() == State.EXITED || sig == 9 || sh.frozen) {
      return false;
    }
    String action = sh.traps.get(sig);
    if (action != null) {
      return action.isEmpty();
    }
    Programs.Blocking blocking = sh.blockingProgram;
    if (blocking != null && blocking.handlesTerm() && (sig == 15 || sig == 2 || sig == 3)) {
      return false;
    }
    if (sig == 2 && catchesInterrupt()) {
      return false;
    }
    return sh.pid1();
  }

  /**
   * Ctrl-C on the process's terminal: SIGINT to the terminal's foreground process group (see {@link
   * ShellProcess#interrupt(Instant)}).
   */
  boolean interrupt(Instant at) {
    if (sh.state() == State.EXITED || sh.frozen) {
      return false;
    }
    sh.advanceTo(at);
    if (sh.interactive()) {
      boolean wasReading = sh.state() == State.WAITING_INPUT;
      // Undone one by one: a subshell's variables and a group's redirections come back.
      sh.frames.unwindAll();
      sh.pendingInput.setLength(0);
      sh.blockingProgram = null;
      sh.cpuThreads = 0;
      sh.sleepingChild = false;
      sh.setChild(List.of(), 0);
      sh.status = 130;
      sh.setState(State.WAITING_INPUT);
      if (!wasReading) {
        sh.emit(1, "\n");
      }
      String action = sh.traps.get(2);
      if (action != null && !action.isEmpty()) {
        sh.runTrap(action);
        sh.setState(State.RUNNABLE);
      }
      return true;
    }
    boolean stopped = false;
    if (sh.stressStarted != null && (sh.state() == State.BUSY || sh.state() == State.BLOCKED)) {
      // stress's workers share its terminal: they die of the signal, and stress gives up.
      sh.emit(
          2,
          "stress: FAIL: [1] (416) <-- worker 7 got signal 2\n"
              + "stress: WARN: [1] (418) now reaping child worker processes\n"
              + "stress: FAIL: [1] (452) failed run completed in "
              + Duration.between(sh.stressStarted, sh.now()).toSeconds()
              + "s\n");
      sh.cpuThreads = 0;
      sh.extraMemory = 0;
      sh.finish(1, sh.now());
      return true;
    }
    if (sh.sleepingChild && sh.state() == State.SLEEPING) {
      // The forked sleep is in the foreground group too: it dies, and the shell goes on.
      sh.sleepingChild = false;
      sh.setChild(List.of(), 0);
      sh.wakeNow();
      sh.status = 130;
      stopped = true;
    }
    signal(2, sh.now());
    return stopped || sh.state() == State.EXITED || !sh.pendingSignals.isEmpty();
  }
}
