package io.dockerlings.lessons.progress;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link ProgressCrashTest}: writes progress in a loop, each write one command
 * longer than the last, and prints {@code saved N} after each write returns.
 */
public final class ProgressWriterMain {
  private ProgressWriterMain() {}

  public static void main(String[] args) throws Exception {
    ProgressStore store = new ProgressStore(Path.of(args[0]), Clock.systemUTC());
    int stop = Integer.parseInt(args[1]);
    int n = store.load().progress().of("crash").map(p -> p.commands().size()).orElse(0);
    while (n < stop) {
      n++;
      store.save(progressWith(n));
      System.out.println("saved " + n);
      System.out.flush();
    }
  }

  /** A progress whose lesson holds {@code n} commands. */
  static Progress progressWith(int n) {
    List<Progress.Command> cmds = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      cmds.add(
          new Progress.Command("docker run --name c" + i + " busybox echo " + i, 0, List.of()));
    }
    return Progress.empty()
        .with(
            "crash",
            new Progress.LessonProgress(
                n % 7, n, Map.of(), Map.of("n", Integer.toString(n)), cmds, false));
  }
}
