package io.dockerlings.shell;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The course's classic experiments, carried out on the simulator (the model's prediction) and, when
 * an engine answers, on the real engine (the measurement), reported side by side: the cpu-shares
 * split of two busy containers, an OOM kill, copy-up and whiteouts in the container layer, and the
 * build cache. Each experiment removes the containers and images it made, on both sides.
 */
final class Experiments {
  /** The experiments, in the order help lists them. */
  static final List<String> NAMES = List.of("cpu-shares", "oom", "copy-up", "build-cache");

  /** How many times the engine's CPU use is read for the cpu-shares measurement. */
  static final int SAMPLES = 5;

  private final Backend model;
  private final Backend engine;

  Experiments(Backend model, Backend engine) {
    this.model = model;
    this.engine = engine;
  }

  /** Runs one experiment and returns its report; an unknown name gets the list. */
  String run(String name) {
    boolean measured = engine.unavailable().isEmpty();
    StringBuilder out = new StringBuilder();
    switch (name) {
      case "cpu-shares" -> cpuShares(out, measured);
      case "oom" -> oom(out, measured);
      case "copy-up" -> copyUp(out, measured);
      case "build-cache" -> buildCache(out, measured);
      default -> {
        return "experiment: there is no experiment called "
            + name
            + "; choose one of "
            + String.join(", ", NAMES)
            + "\n";
      }
    }
    if (!measured) {
      out.append("(no engine answers: the model's prediction only; ")
          .append(engine.unavailable().orElse(""))
          .append(")\n");
    }
    return out.toString();
  }

  private static CommandResult docker(Backend side, String line) {
    return side.execute(CommandLine.split(line), "");
  }

  private void cpuShares(StringBuilder out, boolean measured) {
    int cpus = cpus(measured ? engine : model);
    // As many busy loops as CPUs in each container, so that both could fill the machine alone.
    String loops = String.join(" & ", java.util.Collections.nCopies(cpus, "while :; do :; done"));
    List<String> setup =
        List.of(
            "docker run -d --name dl-exp-hi -c 1024 busybox sh -c '" + loops + "'",
            "docker run -d --name dl-exp-lo -c 512 busybox sh -c '" + loops + "'");
    String stats = "docker stats --no-stream --format '{{.Name}}\t{{.CPUPerc}}'";
    Map<String, Double> predicted = new LinkedHashMap<>();
    Map<String, Double> seen = new LinkedHashMap<>();
    try {
      setup.forEach(l -> docker(model, l));
      predicted.putAll(percentages(docker(model, stats).stdout()));
      if (measured) {
        setup.forEach(l -> docker(engine, l));
        for (int i = 0; i < SAMPLES; i++) {
          percentages(docker(engine, stats).stdout())
              .forEach((k, v) -> seen.merge(k, v / SAMPLES, Double::sum));
        }
      }
    } finally {
      remove("docker rm -f dl-exp-hi dl-exp-lo", measured);
    }
    out.append(
        String.format(
            Locale.ROOT,
            "cpu-shares: two containers with %d busy loops each on %d CPUs, -c 1024 and -c 512%n",
            cpus,
            cpus));
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %7s %12s %12s%n",
            "CONTAINER",
            "SHARES",
            "PREDICTED",
            measured ? "MEASURED" : ""));
    row(out, "dl-exp-hi", 1024, predicted, seen, measured);
    row(out, "dl-exp-lo", 512, predicted, seen, measured);
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %7s %12s %12s%n",
            "ratio",
            "2.00",
            ratio(predicted),
            measured ? ratio(seen) : ""));
  }

  private static void row(
      StringBuilder out,
      String name,
      int shares,
      Map<String, Double> predicted,
      Map<String, Double> seen,
      boolean measured) {
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %7d %11.1f%% %12s%n",
            name,
            shares,
            predicted.getOrDefault(name, 0.0),
            measured ? String.format(Locale.ROOT, "%.1f%%", seen.getOrDefault(name, 0.0)) : ""));
  }

  private static String ratio(Map<String, Double> p) {
    double lo = p.getOrDefault("dl-exp-lo", 0.0);
    return lo <= 0
        ? "-"
        : String.format(Locale.ROOT, "%.2f", p.getOrDefault("dl-exp-hi", 0.0) / lo);
  }

  /** {@code NAME\tNN.NN%} lines as a map. */
  static Map<String, Double> percentages(String text) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 2 && f[1].endsWith("%")) {
        try {
          m.put(f[0].trim(), Double.parseDouble(f[1].substring(0, f[1].length() - 1)));
        } catch (NumberFormatException e) {
          // "--" for a container that stopped meanwhile: no reading.
        }
      }
    }
    return m;
  }

  private static int cpus(Backend side) {
    try {
      return Math.max(
          1, Integer.parseInt(docker(side, "docker info --format '{{.NCPU}}'").stdout().trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private void oom(StringBuilder out, boolean measured) {
    String hog =
        "docker run --name dl-exp-oom -m 64m busybox sh -c 'x=$(head -c 100m /dev/zero | tr \"\\0\" a)'";
    String state =
        "docker inspect -f '{{.State.ExitCode}} OOMKilled={{.State.OOMKilled}}' dl-exp-oom";
    try {
      out.append("oom: a shell that holds 100 MB in a variable, under -m 64m\n");
      docker(model, hog);
      out.append("  predicted: exit ").append(docker(model, state).stdout());
      if (measured) {
        docker(engine, hog);
        out.append("  measured:  exit ").append(docker(engine, state).stdout());
      }
    } finally {
      remove("docker rm -f dl-exp-oom", measured);
    }
  }

  private void copyUp(StringBuilder out, boolean measured) {
    String run =
        "docker run -d --name dl-exp-cow busybox sh -c 'echo learner >> /etc/passwd; rm /etc/group;"
            + " echo new > /new.txt; cat /etc/hostname > /dev/null; sleep 300'";
    try {
      out.append(
          "copy-up: append to /etc/passwd, delete /etc/group, write /new.txt, read /etc/hostname\n");
      docker(model, run);
      out.append("  predicted (docker diff):\n")
          .append(indent(docker(model, "docker diff dl-exp-cow").stdout()));
      if (measured) {
        docker(engine, run);
        String upper =
            docker(engine, "docker inspect -f '{{.GraphDriver.Data.UpperDir}}' dl-exp-cow")
                .stdout()
                .trim();
        Path layer = Path.of(upper.isEmpty() ? "/nonexistent" : upper);
        awaitWrites(layer);
        out.append("  measured (docker diff):\n")
            .append(indent(docker(engine, "docker diff dl-exp-cow").stdout()));
        out.append(upperLayer(layer));
      }
    } finally {
      remove("docker rm -f dl-exp-cow", measured);
    }
  }

  /**
   * Waits, up to 10 s, until the container's shell has written its last file: the engine starts the
   * container before its commands have run.
   */
  private static void awaitWrites(Path layer) {
    if (!Files.isDirectory(layer)) {
      return;
    }
    for (int i = 0; i < 100 && !Files.exists(layer.resolve("new.txt")); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * What is in the container's writable layer on the engine's disk: copied-up files with their
   * size, and whiteouts (character devices 0,0) where a lower file was deleted. Only a local
   * engine's layer can be read.
   */
  static String upperLayer(Path upper) {
    if (!Files.isDirectory(upper)) {
      return "  (the container layer "
          + upper
          + " is not readable here: the engine is not local)\n";
    }
    StringBuilder b = new StringBuilder("  the engine's container layer (" + upper + "):\n");
    try (Stream<Path> files = Files.walk(upper)) {
      for (Path p : files.sorted().toList()) {
        if (p.equals(upper)) {
          continue;
        }
        PosixFileAttributes a =
            Files.readAttributes(
                p, PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        String rel = "/" + upper.relativize(p);
        if (a.isOther()) {
          b.append("    ")
              .append(rel)
              .append("  whiteout (character device 0,0): the lower file is hidden\n");
        } else if (a.isRegularFile()) {
          b.append("    ").append(rel).append("  file, ").append(a.size()).append(" bytes\n");
        }
      }
    } catch (IOException e) {
      b.append("    (could not read it: ").append(e.getMessage()).append(")\n");
    }
    return b.toString();
  }

  /** Where the build-cache experiment keeps its context: the simulated host's home, shared. */
  static final String BUILD_CONTEXT = "/root/.dl-exp-build";

  private void buildCache(StringBuilder out, boolean measured) {
    // The context lives in the simulated host, whose home is the workspace: the simulator reads it
    // there and real mode reads the same real files.
    CommandResult made =
        model.host(
            "mkdir -p "
                + BUILD_CONTEXT
                + " && cd "
                + BUILD_CONTEXT
                + " && printf 'FROM busybox\\nRUN echo one > /one\\nCOPY app.txt /app.txt\\n"
                + "RUN echo two > /two\\n' > Dockerfile && echo 'version 1' > app.txt");
    if (made.exitCode() != 0) {
      out.append("build-cache: cannot make a build context: ").append(made.stderr());
      return;
    }
    String build = "docker build -t dl-exp-cache " + BUILD_CONTEXT;
    try {
      out.append(
          "build-cache: the same 4-step build three times; before the third, app.txt changes\n");
      out.append(cacheTable(build, measured));
    } finally {
      remove("docker rmi -f dl-exp-cache", measured);
      model.host("rm -rf " + BUILD_CONTEXT);
    }
  }

  /** Cache hits of three builds on each side: two alike, then one after a COPY source changed. */
  private String cacheTable(String build, boolean measured) {
    StringBuilder b = new StringBuilder();
    List<Backend> sides = new ArrayList<>(List.of(model));
    if (measured) {
      sides.add(engine);
    }
    int[][] hits = new int[sides.size()][3];
    for (int round = 0; round < 3; round++) {
      if (round == 2) {
        CommandResult changed = model.host("echo 'version 2' > " + BUILD_CONTEXT + "/app.txt");
        if (changed.exitCode() != 0) {
          return "build-cache: cannot change app.txt: " + changed.stderr();
        }
      }
      for (int s = 0; s < sides.size(); s++) {
        hits[s][round] =
            (int)
                docker(sides.get(s), build)
                    .stdout()
                    .lines()
                    .filter(l -> l.contains("Using cache"))
                    .count();
      }
    }
    b.append(
        String.format(Locale.ROOT, "  %-10s %8s %8s %8s%n", "", "build 1", "build 2", "build 3"));
    for (int s = 0; s < sides.size(); s++) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-10s %8s %8s %8s%n",
              s == 0 ? "predicted" : "measured",
              hits[s][0] + "/3",
              hits[s][1] + "/3",
              hits[s][2] + "/3"));
    }
    b.append("  (steps taken from the cache, out of the 3 after FROM)\n");
    return b.toString();
  }

  private void remove(String line, boolean measured) {
    docker(model, line);
    if (measured) {
      docker(engine, line);
    }
  }

  private static String indent(String text) {
    StringBuilder b = new StringBuilder();
    text.lines().forEach(l -> b.append("    ").append(l).append('\n'));
    return b.toString();
  }
}
