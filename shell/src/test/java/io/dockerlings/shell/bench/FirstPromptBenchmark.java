package io.dockerlings.shell.bench;

import io.dockerlings.lessons.model.Course;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long a learner waits for the REPL's first prompt: {@code ./dockerlings} (the
 * launcher beside the jar's module) started in a terminal (a pseudo-terminal made by {@code
 * script}) until the line editor is ready for the first line (it turns bracketed paste on as it
 * shows the prompt), over several launches; then, for a learner inside a lesson, until where they
 * were ("Resuming lesson ...") appears above that prompt, the course having loaded and their
 * commands replayed after it; and loading the course's lesson files, cold and warm, in this JVM.
 * Prints min, median and max; run with the command in README.md.
 */
public final class FirstPromptBenchmark {
  private FirstPromptBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path jar = Path.of(args.length > 1 ? args[1] : "shell/target/dockerlings.jar");
    if (!Files.isRegularFile(jar)) {
      System.err.println("no " + jar + ": build it first (see README.md)");
      System.exit(2);
    }
    courseLoad();
    List<Double> prompt = new ArrayList<>();
    List<Double> mainCpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      double[] t = firstPrompt(jar, false);
      prompt.add(t[0]);
      mainCpu.add(t[2]);
    }
    System.out.println("launch to first prompt (ms, " + runs + " launches): " + summary(prompt));
    // What a loaded machine barely changes: the CPU the JVM's main thread spent until the prompt.
    System.out.println("  main thread's CPU until then (ms): " + summary(mainCpu));
    List<Double> inLesson = new ArrayList<>();
    List<Double> resumed = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      double[] t = firstPrompt(jar, true);
      inLesson.add(t[0]);
      resumed.add(t[1]);
    }
    System.out.println("in a lesson, launch to first prompt (ms): " + summary(inLesson));
    System.out.println("in a lesson, launch to 'Resuming lesson' (ms): " + summary(resumed));
    System.out.flush();
  }

  /** Loads the built-in course: once cold, then warm, as milliseconds. */
  private static void courseLoad() {
    long t0 = System.nanoTime();
    Course course = Course.of(Course.builtIn());
    double cold = (System.nanoTime() - t0) / 1e6;
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long t = System.nanoTime();
      Course.of(Course.builtIn());
      warm.add((System.nanoTime() - t) / 1e6);
    }
    int steps = course.lessons().stream().mapToInt(l -> l.steps().size()).sum();
    System.out.printf(
        "course load (%d lessons, %d steps): cold %.1f ms; warm %s%n",
        course.lessons().size(), steps, cold, summary(warm));
  }

  /**
   * Starts the REPL in a pseudo-terminal and returns the time until its prompt and (for a learner
   * put inside a lesson first, else -1) until it says where they were, in ms.
   */
  private static double[] firstPrompt(Path jar, boolean inLesson)
      throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("first-prompt");
    if (inLesson) {
      // Progress inside m0's second step, one command to replay, as the REPL writes it.
      Files.writeString(
          home.resolve("progress.json"),
          "{\"version\":1,\"current\":\"m0-container-vs-vm\",\"lessons\":{"
              + "\"m0-container-vs-vm\":{\"step\":1,\"stepStart\":1,"
              + "\"steps\":{\"kernel-inside\":\"done\"},\"answers\":{},\"commands\":["
              + "{\"line\":\"docker run --name kern busybox uname -r\",\"exit\":0,\"input\":[]}],"
              + "\"finished\":false}}}");
    }
    // The launcher, as a learner starts it: its JVM flags and its class-data archive (written by
    // the first launch after a build, mapped by the later ones) are part of the wait.
    Path launcher = jar.toAbsolutePath().getParent().getParent().getParent().resolve("dockerlings");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd =
        Files.isExecutable(launcher)
            ? launcher.toString()
            : javaBin + " -jar " + jar.toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder("script", "-qfec", cmd, "/dev/null");
    pb.environment().put("DOCKERLINGS_HOME", home.toString());
    pb.environment().put("TERM", "xterm-256color");
    // English, so that "Resuming lesson" is what it says.
    pb.environment().remove("LC_ALL");
    pb.environment().put("LANG", "C.UTF-8");
    pb.redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = pb.start();
    double ms = -1;
    double resumed = -1;
    double cpu = -1;
    try (InputStream in = p.getInputStream();
        OutputStream out = p.getOutputStream()) {
      StringBuilder seen = new StringBuilder();
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.read(buf)) > 0) {
        seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        // JLine turns bracketed paste on as it starts reading the first line: the prompt is up.
        if (ms < 0
            && (seen.indexOf("\u001b[?2004h") >= 0 || seen.indexOf("dockerlings[sim") >= 0)) {
          ms = (System.nanoTime() - start) / 1e6;
          cpu = mainThreadCpu(p);
        }
        if (resumed < 0 && seen.indexOf("Resuming lesson") >= 0) {
          resumed = (System.nanoTime() - start) / 1e6;
        }
        if (ms >= 0 && (!inLesson || resumed >= 0)) {
          break;
        }
      }
      out.write("exit\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    try (var walk = Files.walk(home)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
    if (ms < 0 || (inLesson && resumed < 0)) {
      throw new IllegalStateException("the REPL printed no prompt, or did not resume the lesson");
    }
    return new double[] {ms, resumed, cpu};
  }

  /**
   * The CPU time (ms, in clock ticks of 10 ms) of the JVM's main thread, the launcher's java
   * process among {@code p}'s descendants: its second task, the first one being the launcher's
   * thread that only waits; -1 where /proc cannot tell.
   */
  private static double mainThreadCpu(Process p) {
    for (ProcessHandle h : p.descendants().toList()) {
      if (!h.info().command().orElse("").endsWith("/java")) {
        continue;
      }
      try (var tasks = Files.list(Path.of("/proc", Long.toString(h.pid()), "task"))) {
        List<Long> tids =
            tasks.map(t -> Long.parseLong(t.getFileName().toString())).sorted().toList();
        if (tids.size() < 2) {
          return -1;
        }
        String stat =
            Files.readString(
                Path.of("/proc", Long.toString(h.pid()), "task", tids.get(1) + "", "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
    return -1;
  }

  private static String summary(List<Double> xs) {
    double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format("min %.1f, median %.1f, max %.1f", v[0], v[v.length / 2], v[v.length - 1])
        + " "
        + Arrays.toString(Arrays.stream(v).mapToLong(Math::round).toArray());
  }
}
