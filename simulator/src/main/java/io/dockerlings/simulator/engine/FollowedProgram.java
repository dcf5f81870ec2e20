package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.InteractiveSession;

/**
 * What a foreground program followed at a live terminal without a terminal of its own has in
 * common, whether a container's main process ({@link ForegroundFollow}) or an exec'd one ({@link
 * ExecFollow}): no prompt, only Ctrl-C read from the keys, output collected as simulated time keeps
 * up with the wall clock, status 130 when the CLI is killed while the program goes on.
 */
abstract class FollowedProgram implements InteractiveSession {
  final Engine engine;
  final Container container;

  /** The container's workload when following began: another one means the container restarted. */
  final Workload workload;

  boolean open = true;
  Integer exit;
  int status;

  FollowedProgram(Engine engine, Container container) {
    this.engine = engine;
    this.container = container;
    this.workload = container.workload;
  }

  /** Whether the followed program has ended (or its container, which ends the attach). */
  abstract boolean ended();

  /** What the program wrote since the last look, noting its status once it has ended. */
  abstract String collect();

  @Override
  public final String prompt() {
    return "";
  }

  @Override
  public final String send(String line) {
    // Only Ctrl-C means anything here: the program's stdin is not the terminal.
    return line.equals(CTRL_C) ? interrupt() : "";
  }

  @Override
  public final boolean leftRunning() {
    return !open && !ended();
  }

  /** Stops following, as a CLI killed from its terminal would: status 130, the program goes on. */
  @Override
  public void detach() {
    if (isOpen()) {
      status = 130;
    }
    open = false;
  }

  @Override
  public final boolean isOpen() {
    return open && !ended();
  }

  @Override
  public final boolean running() {
    return isOpen();
  }

  @Override
  public final int exitCode() {
    return exit != null ? exit : status;
  }

  @Override
  public final boolean foreground() {
    return true;
  }

  @Override
  public final String poll() {
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
}
