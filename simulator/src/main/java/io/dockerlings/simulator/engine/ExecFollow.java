package io.dockerlings.simulator.engine;

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
final class ExecFollow extends FollowedProgram {
  private final ShellProcess process;
  private final Runnable release;
  private final StringBuilder pending = new StringBuilder();

  /**
   * @param process the exec'd program, still running
   * @param release takes the ended program out of the container's process table
   */
  ExecFollow(Engine engine, Container container, ShellProcess process, Runnable release) {
    super(engine, container);
    this.process = process;
    this.release = release;
  }

  /** What the program writes: kept while it is followed, dropped once the CLI is gone. */
  void write(String text) {
    if (open) {
      pending.append(text);
    }
  }

  @Override
  boolean ended() {
    return exit != null
        || process.exited()
        || container.workload != workload
        || !container.isRunning();
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

  /** The CLI is killed from its terminal: status 130, the program goes on. */
  @Override
  public void detach() {
    super.detach();
    pending.setLength(0);
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
  @Override
  String collect() {
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
