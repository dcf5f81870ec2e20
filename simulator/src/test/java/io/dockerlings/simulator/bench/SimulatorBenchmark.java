package io.dockerlings.simulator.bench;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the simulator's speed on the figures the project promises: a detached run plus a forced
 * removal, and {@code docker ps -a} over 10,000 containers. Prints medians; run with the command in
 * README.md. Not a unit test: timings belong here, not in the test suite.
 */
public final class SimulatorBenchmark {
  private SimulatorBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    runAndRemove(rounds);
    psOverManyContainers(10_000, 30);
    buildTenInstructions(20);
    cpuSharesOverManyContainers(1_000, 20);
    manyContainersOnOneNetwork(1_000);
  }

  private static void buildTenInstructions(int rounds) {
    try {
      java.nio.file.Path ctx = java.nio.file.Files.createTempDirectory("dockerlings-bench");
      java.nio.file.Files.writeString(ctx.resolve("app.txt"), "hello\n");
      java.nio.file.Files.writeString(
          ctx.resolve("Dockerfile"),
          String.join(
                  "\n",
                  "FROM busybox",
                  "LABEL purpose=bench",
                  "ENV A=1",
                  "WORKDIR /app",
                  "COPY app.txt /app/",
                  "RUN cat /app/app.txt > /app/copy",
                  "RUN mkdir -p /data && echo x > /data/x",
                  "EXPOSE 8080",
                  "USER nobody",
                  "CMD [\"cat\", \"/app/copy\"]")
              + "\n");
      DockerSimulator sim = fresh();
      long[] uncached = new long[rounds];
      long[] cached = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        docker(sim, "build", "--no-cache", "-q", ctx.toString());
        uncached[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        docker(sim, "build", "-q", ctx.toString());
        cached[i] = System.nanoTime() - t0;
      }
      System.out.printf(
          "10-instruction build: uncached median %.2f ms, cached median %.2f ms (%d rounds)%n",
          percentile(uncached, 50) / 1e6, percentile(cached, 50) / 1e6, rounds);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void cpuSharesOverManyContainers(int containers, int rounds) {
    DockerSimulator sim = fresh();
    for (int i = 0; i < containers; i++) {
      docker(
          sim,
          "run",
          "-d",
          "-c",
          Integer.toString(512 + i % 3 * 512),
          "busybox",
          "sh",
          "-c",
          "while :; do :; done");
    }
    long[] samples = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      docker(sim, "stats", "--no-stream");
      samples[i] = System.nanoTime() - t0;
    }
    System.out.printf(
        "stats (cpu-share prediction) over %d busy containers: median %.2f ms (%d rounds)%n",
        containers, percentile(samples, 50) / 1e6, rounds);
  }

  private static void manyContainersOnOneNetwork(int containers) {
    DockerSimulator sim = fresh();
    docker(sim, "network", "create", "benchnet");
    long t0 = System.nanoTime();
    for (int i = 0; i < containers; i++) {
      docker(
          sim, "run", "-d", "--network", "benchnet", "--name", "c" + i, "busybox", "sleep", "1000");
    }
    long total = System.nanoTime() - t0;
    t0 = System.nanoTime();
    docker(sim, "exec", "c0", "ping", "-c", "1", "c" + (containers - 1));
    long ping = System.nanoTime() - t0;
    System.out.printf(
        "%d containers on one user network: %.1f us per run -d, name lookup + ping %.2f ms%n",
        containers, total / 1e3 / containers, ping / 1e6);
  }

  private static DockerSimulator fresh() {
    return DockerSimulator.create(new SimulatorOptions(HostSpec.detect(), Clock.systemUTC(), 42L));
  }

  private static CommandResult docker(DockerSimulator sim, String... words) {
    String[] argv = new String[words.length + 1];
    argv[0] = "docker";
    System.arraycopy(words, 0, argv, 1, words.length);
    CommandResult r = sim.execute(List.of(argv));
    if (r.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", words) + " failed: " + r.stderr());
    }
    return r;
  }

  private static void runAndRemove(int rounds) {
    DockerSimulator sim = fresh();
    long[] samples = new long[rounds];
    // Warm-up: let the JIT compile the paths being measured.
    for (int i = 0; i < rounds; i++) {
      String id = docker(sim, "run", "-d", "busybox", "sleep", "1000").stdout().trim();
      docker(sim, "rm", "-f", id);
    }
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      String id = docker(sim, "run", "-d", "busybox", "sleep", "1000").stdout().trim();
      docker(sim, "rm", "-f", id);
      samples[i] = System.nanoTime() - t0;
    }
    System.out.printf(
        "run -d busybox sleep 1000 + rm -f: median %.1f us, p90 %.1f us (%d rounds)%n",
        percentile(samples, 50) / 1e3, percentile(samples, 90) / 1e3, rounds);
  }

  private static void psOverManyContainers(int containers, int rounds) {
    DockerSimulator sim = fresh();
    for (int i = 0; i < containers; i++) {
      docker(sim, "run", "-d", "busybox", "sleep", "1000");
    }
    for (int i = 0; i < rounds; i++) {
      docker(sim, "ps", "-a");
    }
    long[] samples = new long[rounds];
    int lines = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      lines = docker(sim, "ps", "-a").stdout().split("\n").length;
      samples[i] = System.nanoTime() - t0;
    }
    System.out.printf(
        "ps -a over %d containers (%d lines): median %.2f ms, p90 %.2f ms (%d rounds)%n",
        containers, lines, percentile(samples, 50) / 1e6, percentile(samples, 90) / 1e6, rounds);
  }

  private static double percentile(long[] samples, int p) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }
}
