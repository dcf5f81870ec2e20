package io.dockerlings.grading;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource ceilings the real-engine sandbox puts on every container a graded submission creates
 * ({@code --limit-memory}, {@code --limit-pids}, {@code --limit-cpus}), where the submission did
 * not ask for a tighter limit itself; a looser one the submission typed is capped, and the checks
 * and the learner's {@code inspect} still read what was typed. Zero means none.
 *
 * @param memoryBytes memory (and swap) per container, in bytes
 * @param pids processes per container
 * @param nanoCpus CPU per container in billionths of a CPU
 */
public record GradingLimits(long memoryBytes, long pids, long nanoCpus) {
  private static final long MB = 1024L * 1024;
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgt])?i?b?", Pattern.CASE_INSENSITIVE);

  /** What {@code grade} uses unless told: 512 MiB, 256 processes, one CPU per container. */
  public static final GradingLimits DEFAULTS = new GradingLimits(512 * MB, 256, 1_000_000_000L);

  public GradingLimits {
    if (memoryBytes < 0 || pids < 0 || nanoCpus < 0) {
      throw new IllegalArgumentException("a limit is none or positive");
    }
  }

  /** No ceilings at all. */
  public static GradingLimits none() {
    return new GradingLimits(0, 0, 0);
  }

  /**
   * {@code --limit-memory}: a size as docker's {@code -m} takes it ({@code 512m}, {@code 1g},
   * {@code 1.5GiB}; binary units), at least 6 MB, or {@code none}.
   */
  GradingLimits withMemory(String v) {
    if (isNone(v)) {
      return new GradingLimits(0, pids, nanoCpus);
    }
    Matcher m = SIZE.matcher(v.strip());
    long bytes = -1;
    if (m.matches()) {
      int shift =
          m.group(2) == null ? 0 : 10 * ("kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1);
      try {
        bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift)).longValue();
      } catch (ArithmeticException e) {
        bytes = -1;
      }
    }
    if (bytes < 6 * MB || bytes > (1L << 50)) {
      throw new IllegalArgumentException(
          "--limit-memory takes a size such as 512m or 2g (at least 6m), or none");
    }
    return new GradingLimits(bytes, pids, nanoCpus);
  }

  /** {@code --limit-pids}: a count from 8 to 1000000, or {@code none}. */
  GradingLimits withPids(String v) {
    if (isNone(v)) {
      return new GradingLimits(memoryBytes, 0, nanoCpus);
    }
    long n;
    try {
      n = Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 8 || n > 1_000_000) {
      throw new IllegalArgumentException("--limit-pids takes a number from 8 to 1000000, or none");
    }
    return new GradingLimits(memoryBytes, n, nanoCpus);
  }

  /** {@code --limit-cpus}: CPUs as docker's {@code --cpus} takes them ({@code 1}, {@code 0.5}). */
  GradingLimits withCpus(String v) {
    if (isNone(v)) {
      return new GradingLimits(memoryBytes, pids, 0);
    }
    long nano;
    try {
      nano = new BigDecimal(v.strip()).movePointRight(9).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      nano = -1;
    }
    if (nano < 10_000_000L || nano > 1024_000_000_000L) {
      throw new IllegalArgumentException(
          "--limit-cpus takes a number of CPUs from 0.01 to 1024, or none");
    }
    return new GradingLimits(memoryBytes, pids, nano);
  }

  /** The memory ceiling as people read it ({@code 512 MiB}), or empty for none. */
  String memoryText() {
    if (memoryBytes % (1024 * MB) == 0 && memoryBytes > 0) {
      return memoryBytes / (1024 * MB) + " GiB";
    }
    return memoryBytes % MB == 0 ? memoryBytes / MB + " MiB" : memoryBytes + " B";
  }

  private static boolean isNone(String v) {
    return v.strip().equalsIgnoreCase("none") || v.strip().equals("0");
  }
}
