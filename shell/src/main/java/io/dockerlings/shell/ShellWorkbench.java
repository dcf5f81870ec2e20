package io.dockerlings.shell;

import io.dockerlings.lessons.run.Workbench;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.InteractiveSession;
import java.util.List;
import java.util.Optional;

/**
 * A lesson's workbench on the REPL's backend: goals read the simulator in sim mode and the real
 * engine in real and compare modes; setup and replays run silently through the current mode.
 */
final class ShellWorkbench implements Workbench {
  private final Backend backend;

  ShellWorkbench(Backend backend) {
    this.backend = backend;
  }

  @Override
  public DockerEngine engine() {
    if (backend instanceof Modes modes) {
      if (modes.current() != modes.simulator() && modes.engine() instanceof RealBackend real) {
        Optional<io.dockerlings.real.RealEngine> e = real.engineOrEmpty();
        if (e.isPresent()) {
          return new RealLessonEngine(e.get(), ((SimulatorBackend) modes.simulator()).simulator());
        }
      }
      return ((SimulatorBackend) modes.simulator()).simulator();
    }
    if (backend instanceof SimulatorBackend sim) {
      return sim.simulator();
    }
    throw new IllegalStateException("lessons need a simulator or modes backend");
  }

  @Override
  public Journal.Entry run(String line, List<String> input) {
    String trimmed = line.strip();
    if (!trimmed.split("\\s+")[0].equals("docker") || HostLine.hasShellOperators(trimmed)) {
      CommandResult r = backend.host(trimmed);
      return new Journal.Entry(trimmed, r.exitCode(), r.stdout() + r.stderr());
    }
    StringBuilder errors = new StringBuilder();
    Optional<LineRunner.Ran> ran = LineRunner.run(trimmed, backend, "", errors::append);
    if (ran.isEmpty()) {
      return new Journal.Entry(trimmed, 2, errors.toString());
    }
    CommandResult r = ran.get().result();
    StringBuilder out = new StringBuilder(errors).append(r.stdout()).append(r.stderr());
    int exit = r.exitCode();
    if (r.session().isPresent()) {
      InteractiveSession s = r.session().get();
      for (String in : input) {
        if (s.isOpen()) {
          out.append(s.send(in));
        }
      }
      if (s.isOpen()) {
        out.append(s.endOfInput());
      }
      exit = s.exitCode();
    }
    LineRunner.status(backend, exit);
    return new Journal.Entry(trimmed, exit, out.toString(), input);
  }

  @Override
  public void reset(HostSpec host) {
    if (backend instanceof Modes modes) {
      ((SimulatorBackend) modes.simulator()).resetOn(host);
      if (modes.current() != modes.simulator()) {
        modes.engine().reset();
      }
    } else if (backend instanceof SimulatorBackend sim) {
      sim.resetOn(host);
    } else {
      backend.reset();
    }
  }

  @Override
  public boolean hasRealEngine() {
    return backend instanceof Modes modes && modes.current() != modes.simulator();
  }

  /** In real and compare modes, whether the engine holds {@code ref} (nothing is pulled). */
  @Override
  public boolean hasImage(String ref) {
    if (!hasRealEngine()) {
      return true;
    }
    return engine().execute(List.of("docker", "image", "inspect", ref), "").exitCode() == 0;
  }
}
