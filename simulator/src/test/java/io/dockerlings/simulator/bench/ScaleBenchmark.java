package io.dockerlings.simulator.bench;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills one simulator with many live containers (20,000 by default) and prints, at each step, what
 * a {@code run}, {@code ps}, {@code inspect} and {@code rm -f} cost at that count. Not a unit test:
 * run it with the command in README.md.
 */
public final class ScaleBenchmark {
  private static final int SAMPLES = 5;

  private ScaleBenchmark() {}

  public static void main(String[] args) {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int step = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    DockerSimulator sim =
        DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 3));
    long start = System.nanoTime();
    long windowStart = start;
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= total; i++) {
      ids.add(docker(sim, "run", "-d", "--name", "c" + i, "busybox", "sleep", "100000").strip());
      if (i % step == 0) {
        double run = (System.nanoTime() - windowStart) / (double) step / 1e6;
        System.out.printf(
            "%6d containers: run %6.2f ms  ps -q %s ms  ps -a %s ms  inspect %s ms"
                + "  run+rm -f %5.2f ms%n",
            i,
            run,
            median(sim, "ps", "-q"),
            median(sim, "ps", "-a"),
            median(sim, "inspect", "c" + (i / 2)),
            runAndRemove(sim));
        windowStart = System.nanoTime();
      }
    }
    long rmStart = System.nanoTime();
    for (int i = 0; i < Math.min(ids.size(), step); i++) {
      docker(sim, "rm", "-f", ids.get(ids.size() - 1 - i));
    }
    System.out.printf(
        "rm -f of %d containers at the top: %.2f ms each; total %.1f s%n",
        Math.min(ids.size(), step),
        (System.nanoTime() - rmStart) / (double) Math.min(ids.size(), step) / 1e6,
        (System.nanoTime() - start) / 1e9);
  }

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * The median wall time of a command, then in brackets its median CPU time on this thread: on a
   * loaded machine the wall time is mostly waiting for a core, the CPU time is the command's own.
   */
  private static String median(DockerSimulator sim, String... args) {
    long[] samples = new long[SAMPLES];
    long[] cpu = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long t0 = System.nanoTime();
      long c0 = CPU.getCurrentThreadCpuTime();
      docker(sim, args);
      samples[i] = System.nanoTime() - t0;
      cpu[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    java.util.Arrays.sort(samples);
    java.util.Arrays.sort(cpu);
    return String.format("%7.2f (cpu %6.2f)", samples[SAMPLES / 2] / 1e6, cpu[SAMPLES / 2] / 1e6);
  }

  private static double runAndRemove(DockerSimulator sim) {
    long[] samples = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long t0 = System.nanoTime();
      String id = docker(sim, "run", "-d", "busybox", "sleep", "100000").strip();
      docker(sim, "rm", "-f", id);
      samples[i] = System.nanoTime() - t0;
    }
    java.util.Arrays.sort(samples);
    return samples[SAMPLES / 2] / 1e6;
  }

  private static String docker(DockerSimulator sim, String... args) {
    List<String> line = new ArrayList<>();
    line.add("docker");
    line.addAll(List.of(args));
    CommandResult r = sim.execute(line);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " -> " + r);
    }
    return r.stdout();
  }
}
