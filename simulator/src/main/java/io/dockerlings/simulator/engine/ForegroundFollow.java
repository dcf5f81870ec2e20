package io.dockerlings.simulator.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A foreground run without a terminal ({@code docker run} without {@code -t}, {@code start -a})
 * followed at a live terminal once it outlasts the simulator's bounded look: its output as
 * simulated time goes by with the wall clock, Ctrl-C passed on to PID 1 as SIGINT (the CLI's {@code
 * --sig-proxy}), and the end when the container ends.
 *
 * <p>Checked on Docker 20.10.24 (golden {@code terminal/fg-ctrl-c.txt}): the CLI returns the
 * container's status when the signal ends it; when PID 1 ignores the signal the CLI stays attached
 * and no key gets it back; with {@code --sig-proxy=false} the CLI dies of Ctrl-C (130) and the
 * container goes on.
 */
final class ForegroundFollow extends FollowedProgram {
  private final boolean sigProxy;
  private int mark;
  private boolean ignored;

  ForegroundFollow(Engine engine, Container container, boolean sigProxy) {
    super(engine, container);
    this.sigProxy = sigProxy;
    this.mark = container.logs.mark();
  }

  /** Whether the container this follows has ended (or been restarted, which ends the attach). */
  @Override
  boolean ended() {
    return exit != null || container.workload != workload || !container.isRunning();
  }

  /**
   * The input ended (a script, a replay, whose keys come all at once): the container is followed
   * for up to the bounded look more, in simulated time (so that a replayed Ctrl-C has the effect it
   * had live), then left running with status 0 if it still runs.
   */
  @Override
  public String endOfInput() {
    if (!isOpen()) {
      return "";
    }
    return engine.inCommand(
        () -> {
          Lifecycle lifecycle = engine.lifecycle();
          Instant start = lifecycle.now();
          lifecycle.advance(container, start);
          Optional<Workload.Exit> end =
              ended()
                  ? Optional.empty()
                  : lifecycle.runUntilExit(
                      container, start.plus(RunCommand.FOLLOW_LIMIT), RunCommand.SILENT_WAKEUPS);
          lifecycle.skipTo(end.map(Workload.Exit::at).orElse(start.plus(RunCommand.FOLLOW_LIMIT)));
          String shown = collect();
          if (!ended()) {
            open = false;
          }
          return shown;
        });
  }

  @Override
  public boolean interruptIgnored() {
    return ignored;
  }

  @Override
  public String interrupt() {
    if (!isOpen()) {
      return "";
    }
    if (!sigProxy) {
      // The CLI does not pass the signal on and dies of it; the container goes on.
      ignored = false;
      status = 130;
      open = false;
      return "";
    }
    return engine.inCommand(
        () -> {
          Lifecycle lifecycle = engine.lifecycle();
          lifecycle.advance(container, lifecycle.now());
          if (ended()) {
            return collect();
          }
          ignored = main().map(p -> p.ignores(Signals.SIGINT)).orElse(false);
          lifecycle.kill(container, Signals.SIGINT);
          return collect();
        });
  }

  private Optional<io.dockerlings.simulator.sh.ShellProcess> main() {
    return container.workload instanceof ContainerProcesses t ? t.main() : Optional.empty();
  }

  /** What the container wrote since the last look; its last partial line too once it has ended. */
  @Override
  String collect() {
    boolean done = container.workload != workload || !container.isRunning();
    List<LogBuffer.Entry> written =
        done ? container.logs.sinceWithTails(mark) : container.logs.since(mark);
    mark = container.logs.mark();
    if (done && exit == null) {
      exit = container.exitCode;
    }
    StringBuilder b = new StringBuilder();
    for (LogBuffer.Entry e : written) {
      b.append(container.config.tty() ? Tty.onlcr(e.text()) : e.text());
    }
    return b.toString();
  }
}
