package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.InteractiveSession;
import java.util.List;
import java.util.Set;

/** What leaving a container's terminal with Ctrl-P Ctrl-Q looks like, command by command. */
final class Sessions {
  /** Commands whose detach the docker CLI reports as an error; run and start -a leave quietly. */
  private static final Set<String> LOUD_DETACH = Set.of("attach", "exec");

  private Sessions() {}

  /**
   * Detaches {@code session}, opened by the docker command {@code argv}, and returns what the
   * docker CLI prints and returns then: nothing and 0 after {@code run -it} or {@code start -ai};
   * {@code read escape sequence} on stderr and 1 after {@code attach} and {@code exec -it} (as
   * Docker 20.10 does).
   */
  static CommandResult detach(InteractiveSession session, List<String> argv) {
    session.detach();
    return LOUD_DETACH.contains(verb(argv))
        ? CommandResult.of(1, "", "read escape sequence\n")
        : CommandResult.of(0, "", "");
  }

  /** The command word of a docker command line: {@code exec} for {@code docker container exec}. */
  static String verb(List<String> argv) {
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-")) {
      i++;
    }
    if (i < argv.size() && argv.get(i).equals("container")) {
      i++;
    }
    return i < argv.size() ? argv.get(i) : "";
  }
}
