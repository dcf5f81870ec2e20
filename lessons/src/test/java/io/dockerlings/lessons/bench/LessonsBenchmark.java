package io.dockerlings.lessons.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dockerlings.lessons.goal.Goal;
import io.dockerlings.lessons.goal.GoalParser;
import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.model.LessonLoader;
import io.dockerlings.lessons.progress.Progress;
import io.dockerlings.lessons.progress.ProgressStore;
import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the lessons engine on the figures the issue asks for: a goal check after a command
 * (snapshot, reads and a composite goal over a lesson-sized state), loading a lesson file, and an
 * atomic progress write. Prints median and p99; run with the command in README.md.
 */
public final class LessonsBenchmark {
  private LessonsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    goalCheck(rounds);
    lessonLoad(rounds / 4);
    progressWrite(rounds / 4);
  }

  private static void goalCheck(int rounds) throws Exception {
    DockerSimulator sim =
        DockerSimulator.create(SimulatorOptions.defaults().withHost(HostSpec.courseServer()));
    Journal journal = Journal.empty();
    for (String line :
        List.of(
            "docker run -d --name web -p 8080:80 -v data:/data busybox httpd -f -p 80",
            "docker run -d --name db -m 64m -e MODE=prod busybox sleep 10000",
            "docker run --name box busybox sh -c 'rm /etc/group; echo hi > /hi'",
            "docker network create app",
            "docker run -d --name api --network app busybox sleep 10000",
            "docker commit box snap:v1")) {
      journal = journal.append(Commands.run(sim, line));
    }
    Goal goal =
        GoalParser.parse(
            new ObjectMapper(new YAMLFactory())
                .readTree(
                    "all: [{container: {name: web, state: running, publishes: '80/tcp -> 8080',"
                        + " mounts: {volume: data, at: /data}}}, {container: {name: db, limits:"
                        + " {memory: 64m}, env: {MODE: prod}}}, {image: {ref: 'snap:v1', layers:"
                        + " 2}}, {diff: {container: box, lists: 'D /etc/group'}}, {file:"
                        + " {container: box, path: /hi, equals: hi}}, {never: privileged}]"));
    for (int i = 0; i < rounds / 2; i++) {
      goal.check(State.of(sim, journal));
    }
    long[] t = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      boolean ok = goal.check(State.of(sim, journal)).passed();
      t[i] = System.nanoTime() - start;
      if (!ok) {
        throw new IllegalStateException("the benchmark's goal should hold");
      }
    }
    report("goal check after a command (6 containers, 6-part goal)", t);
    long[] snap = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      sim.snapshot();
      snap[i] = System.nanoTime() - start;
    }
    report("  of which the engine snapshot alone", snap);
  }

  private static void lessonLoad(int rounds) throws Exception {
    Map<String, String> files = Course.builtIn();
    if (files.isEmpty()) {
      files = Course.readDir(Path.of("lessons/src/test/resources/fixtures/lessons"));
    }
    List<Map.Entry<String, String>> list = new ArrayList<>(files.entrySet());
    for (int i = 0; i < rounds; i++) {
      Map.Entry<String, String> e = list.get(i % list.size());
      LessonLoader.load(e.getKey(), e.getValue());
    }
    long[] t = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      Map.Entry<String, String> e = list.get(i % list.size());
      long start = System.nanoTime();
      LessonLoader.load(e.getKey(), e.getValue());
      t[i] = System.nanoTime() - start;
    }
    report("lesson load (" + list.size() + " files, round robin)", t);
  }

  private static void progressWrite(int rounds) throws Exception {
    Path dir = Files.createTempDirectory("dockerlings-bench-progress");
    ProgressStore store = new ProgressStore(dir, Clock.systemUTC());
    List<Progress.Command> cmds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      cmds.add(
          new Progress.Command("docker run -d --name c" + i + " busybox sleep 1000", 0, List.of()));
    }
    Progress p =
        Progress.empty()
            .with(
                "m7-cpu-shares",
                new Progress.LessonProgress(
                    3, 20, Map.of("a", "done"), Map.of("b", "33"), cmds, false));
    long[] t = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      store.save(p);
      t[i] = System.nanoTime() - start;
    }
    report("progress write (40 commands, fsync + rename)", t);
  }

  private static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    long median = s[s.length / 2];
    long p99 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)];
    System.out.printf(
        "%-58s median %8.1f µs   p99 %8.1f µs   (n=%d)%n", what, median / 1e3, p99 / 1e3, s.length);
  }
}
