package io.dockerlings.grading;

import io.dockerlings.simulator.CommandLine;
import java.util.List;
import java.util.Set;

/**
 * Whether a replay uses something a real engine shares among all its users even with per-session
 * names: a published host port ({@code -p 8080:80}: the port is the engine's, and the learner and
 * the checks see its number), or an image tag ({@code build -t app}, {@code tag}, {@code commit},
 * {@code pull}, {@code load}, {@code import}: tags are not scoped). Such submissions are graded one
 * at a time; all others run side by side. The test is on the lines as typed, so it errs on the side
 * of "shared": any publish flag counts, even {@code -p 80} with a random host port.
 */
final class EngineWide {
  private static final Set<String> TAGGING =
      Set.of("build", "tag", "commit", "pull", "load", "import");
  private static final Set<String> STARTING = Set.of("run", "create");

  private EngineWide() {}

  /** Whether any of these lines publishes a host port or makes an image tag. */
  static boolean uses(List<String> lines) {
    return lines.stream().anyMatch(EngineWide::uses);
  }

  /** Whether this line publishes a host port or makes an image tag. */
  static boolean uses(String line) {
    List<String> words;
    try {
      words = CommandLine.split(line);
    } catch (RuntimeException unparsable) {
      // A line the shell cannot split may still mean anything: treat it as shared.
      return line.contains("docker");
    }
    for (int i = 0; i < words.size(); i++) {
      if (!words.get(i).equals("docker") && !words.get(i).endsWith("/docker")) {
        continue;
      }
      int verb = i + 1;
      if (verb < words.size() && List.of("container", "image").contains(words.get(verb))) {
        verb++;
      }
      if (verb >= words.size()) {
        continue;
      }
      String command = words.get(verb);
      if (TAGGING.contains(command)) {
        return true;
      }
      if (STARTING.contains(command) && publishes(words.subList(verb + 1, words.size()))) {
        return true;
      }
    }
    return false;
  }

  /** A {@code --publish}/{@code -p} flag, alone or in a cluster such as {@code -dp 8080:80}. */
  private static boolean publishes(List<String> args) {
    for (String a : args) {
      if (a.equals("--publish") || a.startsWith("--publish=")) {
        return true;
      }
      if (a.matches("-[a-zA-Z]*p.*") && !a.startsWith("--")) {
        return true;
      }
    }
    return false;
  }
}
