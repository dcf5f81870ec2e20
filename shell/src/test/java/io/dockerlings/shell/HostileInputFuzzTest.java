package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz of hostile lines through batch mode, in one JVM and one engine per 200 lines: none
 * may end the JVM (an {@link Error} escaping batch mode), take more than {@code fuzz.boundMillis}
 * of CPU (20 s), hang (a line still running after {@code fuzz.hangMillis}, 300 s, is interrupted
 * and reported), be answered by the simulator's one-line fault, or change the engine's state when a
 * read-only docker command fails. {@code -Dfuzz.lines=100000} runs the long mode, {@code
 * -Dfuzz.progress=5000} prints its progress, {@code -Dfuzz.from=N} resumes at line N; {@code
 * -Dfuzz.seed} picks another sequence.
 */
class HostileInputFuzzTest {
  /** Reads batch mode's answers, whose output may exceed Jackson's default 20 MB string bound. */
  private static final ObjectMapper JSON =
      new ObjectMapper(
          com.fasterxml.jackson.core.JsonFactory.builder()
              .streamReadConstraints(
                  com.fasterxml.jackson.core.StreamReadConstraints.builder()
                      .maxStringLength(Integer.MAX_VALUE)
                      .build())
              .build());

  /** Docker verbs that never change state: when they fail, the state must be as it was. */
  private static final Set<String> READ_ONLY =
      Set.of(
          "inspect", "ps", "images", "logs", "port", "top", "diff", "info", "version", "history");

  /** The lines issue 10 found, each once a JVM killer, a hang or a wrong answer (cheap forms). */
  static final List<String> KNOWN =
      List.of(
          "\\",
          "wait 4294967296",
          "trap \"\" 99999999999",
          "tail -c 99999999999999999999 /etc/passwd",
          "x=\"eval \\$x\"; eval $x",
          "echo " + "$(echo ".repeat(300) + "x" + ")".repeat(300),
          "echo " + "$(".repeat(65_536),
          "docker run --rm busybox sh -c '" + "(".repeat(100_000) + "'",
          "{ ".repeat(50_000) + "true" + "; }".repeat(50_000),
          "docker inspect -f \"{{" + "(".repeat(20_000) + "\" busybox",
          "docker run --name fz1 busybox sh -c \"head -c 10g /dev/zero > /f\"",
          "docker run --name fz2 busybox dd if=/dev/zero of=/f bs=1M count=100000",
          "a=x; while :; do a=$a$a; done",
          "docker run --rm busybox sh -c 'f(){ f|f & }; f'",
          "f(){ f $1$1; }; f x",
          "docker run --rm busybox sh -c 'mkdir -p " + "/a".repeat(5_000) + "'",
          "docker cp :/ x",
          "seq 1 1000000 | wc -l",
          "yes | head -n 3",
          "yes | head -c 1000 | wc -c",
          "docker run --rm -m 99999999999999999999g busybox true",
          "docker run --rm -c -1 busybox true",
          "docker run --rm --shm-size 99999999999999999999g busybox true",
          "while :; do :; done | cat");

  /**
   * Lines the long mode found answered by the one-line fault (short forms, seed 11 unless said),
   * run before the sequence (as lines -N..-1) so that the sequence's own lines stay as they were.
   */
  static final List<String> FOUND =
      List.of(
          // a syntax error inside eval (seed 11: lines 3800, 4763, 24104, 55235, 66150, 70769,
          // 77675, 94749)
          "docker run --rm busybox sh -c 'eval$1$1 }'",
          "eval $1$1 ! done fi x",
          "docker run --rm busybox true esac|eval }  busybox true",
          "docker run --rm busybox sh -c 'eval ! case'",
          "docker run --rm busybox sh -c 'eval then '",
          "eval if",
          "docker run --rm -1 wait&eval if  busybox true",
          "docker run --rm busybox sh -c 'eval done |head -c'",
          // >> to a directory or to an empty name (lines 12659, 24827, 31659, 82185, 92123)
          "echo if ://:/r>>$1$1 kill -9 1for i in 1g{{range .}} 0  | cat",
          "echo >>$x seq 1 100000 | cat",
          "echo .. wc -l >>$1$1 :/ | cat",
          "echo >>busybox | cat",
          "echo yes ! >> .. if --memory-swap yes{{end}}-c  | cat",
          // found while fixing those: a sourced file's syntax error, /dev/full, a removed file
          "docker run --rm busybox sh -c 'printf \"if\\ndone\\n\" > /t; . /t'",
          "docker run --rm busybox sh -c 'echo x >> /dev/full; echo x > /dev/full'",
          "docker run --rm busybox sh -c '{ rm /f; echo x; } > /f'",
          // seed 13, line 33550: yes into a file, whose every version the undo journal kept
          "docker run --rm |eval yes \">while :; do\\$x {{end}}{{end}} \"--name  busybox true");

  private static final String[] TOKENS = {
    "(",
    ")",
    "{",
    "}",
    "$(",
    "`",
    "\\",
    "\"",
    "'",
    "|",
    "&",
    ";",
    "<<",
    ">",
    ">>",
    "<",
    "$((",
    "))",
    "${",
    "}",
    "99999999999999999999",
    "-1",
    "4294967296",
    "0",
    "x",
    "$x",
    "$1$1",
    "eval",
    "trap",
    "wait",
    "kill -9 1",
    "exit",
    "{{",
    "}}",
    "{{if 1}}",
    "{{end}}",
    "{{range .}}",
    "..",
    "/dev/zero",
    "*",
    "f(){ f; }",
    "while :; do",
    "done",
    "if",
    "then",
    "fi",
    "for i in",
    "case",
    "esac",
    "head -c",
    "seq 1 100000",
    "yes",
    "cat",
    "wc -l",
    "mkdir -p",
    "sh -c",
    "-m",
    "--memory-swap",
    "-c",
    "-p",
    "--name",
    "--rm",
    "-v",
    "/:/r",
    ":/",
    "busybox",
    "busybox@sha256:",
    "1g",
    "\t",
    "#",
    "!",
    "="
  };

  private static final String[] SHAPES = {
    "%s",
    "docker run --rm busybox sh -c '%s'",
    "docker inspect -f '%s' busybox",
    "docker run --rm %s busybox true",
    "docker %s",
    "docker ps --format '%s'",
    "echo %s | cat",
  };

  /** Line number {@code i} of the sequence: the known lines first, then generated ones. */
  static String line(Random random, int i) {
    if (i < KNOWN.size()) {
      return KNOWN.get(i);
    }
    StringBuilder payload = new StringBuilder();
    int n = 1 + random.nextInt(12);
    for (int k = 0; k < n; k++) {
      String t = TOKENS[random.nextInt(TOKENS.length)];
      // Now and then a token many times over: nesting, long numbers, long paths.
      int times = random.nextInt(20) == 0 ? 1 + random.nextInt(3_000) : 1;
      payload.append(t.repeat(times)).append(random.nextBoolean() ? " " : "");
    }
    return SHAPES[random.nextInt(SHAPES.length)].formatted(payload);
  }

  @Test
  void hostileLines_neverEndTheJvm_neverHang_andFailedReadsChangeNothing() throws Exception {
    long seed = Long.getLong("fuzz.seed", 10L);
    int lines = Integer.getInteger("fuzz.lines", 300);
    long boundMillis = Long.getLong("fuzz.boundMillis", 20_000L);
    long hangMillis = Long.getLong("fuzz.hangMillis", 300_000L);
    int progress = Integer.getInteger("fuzz.progress", 0);
    int from = Integer.getInteger("fuzz.from", 0);
    Random random = new Random(seed);
    SimulatorBackend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), seed));
    // One worker thread runs every line, with the REPL's stack: a line that outlives the hang
    // bound is reported and interrupted instead of stopping the run.
    ExecutorService worker = newWorker();
    List<String> slow = new ArrayList<>();
    List<String> hung = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> faulted = new ArrayList<>();
    int faults = 0;
    long slowest = 0;
    long slowestWall = 0;
    long began = System.nanoTime();
    int count = 0;
    try {
      // The found lines first (numbered -N..-1), unless resuming; then the sequence from a fresh
      // engine, as before they were added.
      for (int i = from > 0 ? 0 : -FOUND.size(); i < lines; i++, count = i) {
        if (i > from && i % 200 == 0 || i == 0 && from == 0) {
          backend.reset();
        }
        String line = (i < 0 ? FOUND.get(i + FOUND.size()) : line(random, i)).replace('\n', ' ');
        if (i < from) {
          // Resuming a long run: the sequence is drawn up to here, not run.
          continue;
        }
        boolean readOnly = isReadOnlyDocker(line);
        // A snapshot costs a JSON document per object: taken only where the check needs it.
        EngineSnapshot before = readOnly ? backend.snapshot() : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchMode batch =
            new BatchMode(
                backend,
                true,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        long[] cpu = new long[1];
        Future<Integer> ran =
            worker.submit(
                () -> {
                  long c0 = CPU.getCurrentThreadCpuTime();
                  try {
                    return batch.run(new BufferedReader(new StringReader(line + "\n")));
                  } finally {
                    cpu[0] = CPU.getCurrentThreadCpuTime() - c0;
                  }
                });
        try {
          ran.get(hangMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          hung.add(abbreviate(line));
          ran.cancel(true);
          worker.shutdownNow();
          if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            break;
          }
          worker = newWorker();
          backend.reset();
          continue;
        }
        // The bound is on the line's own CPU time: on a loaded machine its wall time is mostly
        // waiting for a core.
        long millis = cpu[0] / 1_000_000;
        long wall = (System.nanoTime() - start) / 1_000_000;
        slowest = Math.max(slowest, millis);
        slowestWall = Math.max(slowestWall, wall);
        if (millis > boundMillis) {
          slow.add(millis + " ms CPU, " + wall + " ms: " + abbreviate(line));
        }
        for (String json : out.toString(StandardCharsets.UTF_8).split("\n")) {
          if (json.isBlank()) {
            continue;
          }
          JsonNode r = JSON.readTree(json);
          if (r.get("stderr").asText().contains("the simulator failed on this command")) {
            faults++;
            faulted.add(i + ": " + abbreviate(line));
            if (progress > 0) {
              System.out.println(
                  "fuzz: fault at line " + i + ": " + abbreviate(line) + " -> " + r.get("stderr"));
            }
          }
          if (readOnly && r.get("exit").asInt() != 0 && !backend.snapshot().equals(before)) {
            changed.add(abbreviate(line));
          }
        }
        if (progress > 0 && (i + 1) % progress == 0) {
          System.out.printf(
              "fuzz: %d lines in %d s, slowest %d ms CPU (%d ms), %d faults, %d slow, %d hung,"
                  + " %d changed%n",
              i + 1,
              (System.nanoTime() - began) / 1_000_000_000,
              slowest,
              slowestWall,
              faults,
              slow.size(),
              hung.size(),
              changed.size());
        }
      }
    } finally {
      worker.shutdownNow();
    }
    System.out.printf(
        "fuzz: seed %d, %d lines (after %d found ones) in %d s, slowest %d ms CPU (%d ms), %d"
            + " simulator faults reported in one line%n",
        seed,
        count,
        from > 0 ? 0 : FOUND.size(),
        (System.nanoTime() - began) / 1_000_000_000,
        slowest,
        slowestWall,
        faults);
    slow.forEach(l -> System.out.println("fuzz: slow: " + l));
    assertEquals(List.of(), hung, "lines that hung");
    assertTrue(slow.isEmpty(), "lines over the time bound: " + slow);
    assertEquals(List.of(), changed, "failed read-only commands changed the state");
    // Each is a defect of the simulator hidden behind the one-line fault: none is expected.
    assertEquals(List.of(), faulted, "lines answered by the simulator's one-line fault");
  }

  /**
   * With {@code -Dfuzz.replay=N}: runs line N of the sequence after the lines before it since the
   * last fresh engine (as the long run did), printing each in full with its answer: how a fault the
   * long run reported is found again.
   */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "fuzz.replay", matches = "\\d+")
  void replay_ofOneLine_printsItAndTheLinesBeforeIt() throws Exception {
    long seed = Long.getLong("fuzz.seed", 10L);
    int target = Integer.getInteger("fuzz.replay");
    Random random = new Random(seed);
    SimulatorBackend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), seed));
    int first = target - target % 200;
    for (int i = 0; i <= target; i++) {
      String line = line(random, i).replace('\n', ' ');
      if (i < first) {
        continue;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new BatchMode(
              backend,
              true,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
          .run(new BufferedReader(new StringReader(line + "\n")));
      System.out.println("fuzz: line " + i + " (" + line.length() + " chars): " + line);
      System.out.println("fuzz:   -> " + out.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(null, r, "fuzz-line", 16L << 20);
          t.setDaemon(true);
          return t;
        });
  }

  /** A plain docker command of a read-only verb: if it fails, the state must be as it was. */
  private static boolean isReadOnlyDocker(String line) {
    String[] words = line.strip().split("\\s+");
    return words.length > 1
        && words[0].equals("docker")
        && READ_ONLY.contains(words[1])
        && !HostLine.hasShellOperators(line);
  }

  private static String abbreviate(String line) {
    return line.length() > 120 ? line.substring(0, 120) + "..." : line;
  }
}
