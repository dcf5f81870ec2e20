package io.dockerlings.shell;

import io.dockerlings.simulator.InteractiveSession;

/**
 * Compare mode's terminal: the learner types into the simulator's, and every line, Ctrl-C, Ctrl-D
 * and the detach go to the engine's as well, so the two containers stay in step (an {@code exit}
 * ends both, a detach leaves both running). What the learner sees is the simulator's terminal.
 */
final class PairedSession implements InteractiveSession {
  private final InteractiveSession sim;
  private final InteractiveSession engine;
  private boolean engineDone;

  PairedSession(InteractiveSession sim, InteractiveSession engine) {
    this.sim = sim;
    this.engine = engine;
  }

  @Override
  public String prompt() {
    return sim.prompt();
  }

  @Override
  public String send(String line) {
    String shown = sim.send(line);
    if (engine.isOpen()) {
      engine.send(line);
    }
    settle();
    return shown;
  }

  @Override
  public String endOfInput() {
    String shown = sim.endOfInput();
    if (engine.isOpen()) {
      engine.endOfInput();
    }
    settle();
    return shown;
  }

  @Override
  public void detach() {
    sim.detach();
    if (!engineDone) {
      engineDone = true;
      if (engine.isOpen()) {
        engine.detach();
      }
    }
  }

  @Override
  public boolean isOpen() {
    return sim.isOpen();
  }

  @Override
  public int exitCode() {
    return sim.exitCode();
  }

  @Override
  public boolean running() {
    return sim.running();
  }

  @Override
  public String poll() {
    String shown = sim.poll();
    settle();
    return shown;
  }

  @Override
  public String interrupt() {
    String shown = sim.interrupt();
    if (engine.isOpen()) {
      engine.send(CTRL_C);
    }
    settle();
    return shown;
  }

  /**
   * Once the simulator's terminal has closed, the engine's is ended too: it has read the same
   * input, so its process has usually ended as well (its status is read, {@code --rm} honoured);
   * one still running is detached and left running.
   */
  private void settle() {
    if (sim.isOpen() || engineDone) {
      return;
    }
    engineDone = true;
    if (engine.isOpen()) {
      engine.detach();
    } else {
      engine.exitCode();
    }
  }
}
