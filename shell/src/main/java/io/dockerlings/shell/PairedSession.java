package io.dockerlings.shell;

import io.dockerlings.simulator.InteractiveSession;

/**
 * Compare mode's terminal: the learner types into the simulator's, and every line, Ctrl-C, Ctrl-D
 * and the detach go to the engine's as well, so the two containers stay in step (an {@code exit}
 * ends both, a detach leaves both running). What the learner sees is the simulator's terminal,
 * followed, where the engine answered a typed line differently, by the comparison of the answers.
 */
final class PairedSession implements InteractiveSession {
  private final InteractiveSession sim;
  private final InteractiveSession engine;
  private final java.util.function.BinaryOperator<String> differences;
  private boolean engineDone;

  PairedSession(InteractiveSession sim, InteractiveSession engine) {
    this(sim, engine, (left, right) -> "");
  }

  /**
   * @param differences given the two answers to a typed line (the simulator's, then the engine's as
   *     {@link #answer} reads it), what to show after the simulator's: empty when they agree
   */
  PairedSession(
      InteractiveSession sim,
      InteractiveSession engine,
      java.util.function.BinaryOperator<String> differences) {
    this.sim = sim;
    this.engine = engine;
    this.differences = differences;
  }

  /**
   * What a line typed into the engine's terminal printed in answer, as the simulator's answer holds
   * it: without the terminal's echo of the line, with {@code \n} line ends, without the shell's
   * cursor-position query and without the prompt that follows (the last, unfinished line).
   */
  static String answer(String shown, String line) {
    String t = shown.replace("\r\n", "\n").replace("\u001b[6n", "");
    if (t.startsWith(line + "\n")) {
      t = t.substring(line.length() + 1);
    }
    return t.substring(0, t.lastIndexOf('\n') + 1);
  }

  @Override
  public void resize(int columns, int rows) {
    sim.resize(columns, rows);
    engine.resize(columns, rows);
  }

  @Override
  public String prompt() {
    return sim.prompt();
  }

  @Override
  public String send(String line) {
    String shown = sim.send(line);
    String compared = "";
    if (engine.isOpen()) {
      String answered = engine.send(line);
      if (!line.equals(CTRL_C)) {
        compared = differences.apply(shown, answer(answered, line));
      }
    }
    settle();
    return shown + compared;
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
