package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.InteractiveSession;
import io.dockerlings.simulator.sh.ShellProcess;
import java.time.Instant;

/**
 * A foreground {@code docker exec} without a terminal followed at a live terminal once it outlasts
 * the simulator's bounded look: the program's output as simulated time goes by with the wall clock,
 * and its end when it ends.
 *
 * <p>Checked on Docker 20.10.24 (golden {@code terminal/exec-ctrl-c.txt}, {@code
 * tools/exec-capture}): the CLI passes no signal on for {@code exec}, so Ctrl-C ends the CLI itself
 * (status 130) and the program goes on running in the container, a loop, a trap or {@code top}
 * alike, with or without {@code -i}.
 */
final class ExecFollow implements InteractiveSession {
  private final Engine engine;
  private final Container container;
  private final ShellProcess process;
  private final Workload workload;
  private final Runnable release;
  private final StringBuilder pending = new StringBuilder();
  private boolean open = true;
  private Integer exit;
  private int status;

  /**
   * @param process the exec'd program, still running
   * @param release takes the ended program out of the container's process table
   */
  ExecFollow(Engine engine, Container container, ShellProcess process, Runnable release) {
    this.engine = engine;
    this.container = container;
    this.process = process;
    this.workload = container.workload;
    this.release = release;
  }

  /** What the program writes: kept while it is followed, dropped once the CLI is gone. */
  void write(String text) {
    if (open) {
      pending.append(text);
    }
  }

  private boolean ended() {
    return exit != null
        || process.exited()
        || container.workload != workload
        || !container.isRunning();
  }

  @Override
  public String prompt() {
    return "";
  }

  @Override
  public String send(String line) {
    // Only Ctrl-C means anything here: without -i the program's stdin is not the terminal.
    return line.equals(CTRL_C) ? interrupt() : "";
  }

  /**
   * The input ended (a script, a replay): the program is followed for up to the bounded look more
   * in simulated time, then left running with status 0 if it still runs.
   */
  @Override
  public String endOfInput() {
    if (!isOpen()) {
      return "";
    }
    return engine.inCommand(
        () -> {
          Instant limit = engine.lifecycle().now().plus(RunCommand.FOLLOW_LIMIT);
          Sessions.runUntilDone(process, limit);
          engine.lifecycle().skipTo(process.exited() ? process.exitTime() : limit);
          String shown = collect();
          if (!ended()) {
            open = false;
          }
          return shown;
        });
  }

  @Override
  public boolean leftRunning() {
    return !open && !ended();
  }

  /** The CLI is killed from its terminal: status 130, the program goes on. */
  @Override
  public void detach() {
    if (isOpen()) {
      status = 130;
    }
    open = false;
    pending.setLength(0);
  }

  @Override
  public boolean isOpen() {
    return open && !ended();
  }

  @Override
  public boolean running() {
    return isOpen();
  }

  @Override
  public int exitCode() {
    return exit != null ? exit : status;
  }

  @Override
  public boolean foreground() {
    return true;
  }

  @Override
  public String poll() {
    if (!isOpen()) {
      return "";
    }
    return engine.inCommand(
        () -> {
          engine.containers().touch(container);
          engine.lifecycle().advance(container, engine.lifecycle().now());
          return collect();
        });
  }

  /** Ctrl-C: SIGINT reaches the CLI, which passes nothing on for exec and dies of it. */
  @Override
  public String interrupt() {
    if (!isOpen()) {
      return "";
    }
    String shown = poll();
    detach();
    return shown;
  }

  /** What the program wrote since the last look; its status once it has ended. */
  private String collect() {
    String shown = pending.toString();
    pending.setLength(0);
    if (exit == null
        && (process.exited() || container.workload != workload || !container.isRunning())) {
      // A program the container's end took with it died of SIGKILL, as docker stop's last step.
      exit = process.exited() ? process.exitCode() : 137;
      release.run();
    }
    return shown;
  }
}
