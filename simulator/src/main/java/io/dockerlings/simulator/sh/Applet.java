package io.dockerlings.simulator.sh;

import java.util.List;

/**
 * One command of the simulated busybox ({@code ls}, {@code cat}, {@code grep}...): runs to
 * completion at once against its context and returns an exit status.
 */
@FunctionalInterface
public interface Applet {
  /**
   * Runs the command.
   *
   * @param argv the arguments, {@code argv.get(0)} being the name it was called by
   * @return the exit status
   */
  int run(List<String> argv, AppletContext context);
}
