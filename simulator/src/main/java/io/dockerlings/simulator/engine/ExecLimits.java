package io.dockerlings.simulator.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The kernel's limits on the arguments of a program it starts (execve's E2BIG). */
final class ExecLimits {
  /** MAX_ARG_STRLEN: 32 pages for one argument, its terminating NUL included. */
  static final int MAX_ARG_STRLEN = 32 * 4096;

  /** ARG_MAX under the usual 8 MiB stack limit: a quarter of it for all arguments. */
  static final int ARG_MAX = 2 * 1024 * 1024;

  private ExecLimits() {}

  /** Whether execve would refuse these arguments as too long. */
  static boolean tooLong(List<String> argv) {
    long total = 0;
    for (String a : argv) {
      int bytes = a.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + 1 > MAX_ARG_STRLEN) {
        return true;
      }
      // The string, its NUL and the pointer to it in argv.
      total += bytes + 1 + 8;
    }
    return total > ARG_MAX;
  }
}
