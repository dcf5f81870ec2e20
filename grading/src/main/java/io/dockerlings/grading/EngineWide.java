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
 * of "shared": any publish flag before the image counts, even {@code -p 80} with a random host
 * port, and so does the word {@code docker} followed by a tagging command anywhere in a line.
 */
final class EngineWide {
  private static final Set<String> TAGGING =
      Set.of("build", "tag", "commit", "pull", "load", "import");
  private static final Set<String> STARTING = Set.of("run", "create");

  /**
   * The switches of {@code docker run} (20.10), which take no value; every other flag takes one.
   * Grading sees engines only through the contract, so the list is kept here; {@code
   * EngineWideTest} checks it against the CLI's declaration of {@code run}.
   */
  static final Set<String> RUN_SWITCHES =
      Set.of(
          "detach",
          "disable-content-trust",
          "help",
          "init",
          "interactive",
          "no-healthcheck",
          "oom-kill-disable",
          "privileged",
          "publish-all",
          "read-only",
          "rm",
          "sig-proxy",
          "tty");

  /** The one-letter switches of {@code docker run}. */
  static final Set<Character> RUN_SHORT_SWITCHES = Set.of('d', 'i', 'P', 't');

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

  /**
   * A {@code --publish}/{@code -p} flag, alone or in a cluster such as {@code -dp 8080:80}, before
   * the image: flags are read as the docker CLI reads {@code run}'s, so a value ({@code -e X=-p})
   * and the container's own command ({@code busybox httpd -p 80}) are not taken for one.
   */
  private static boolean publishes(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        return false;
      }
      if (a.startsWith("--")) {
        String name = a.substring(2).split("=", 2)[0];
        if (name.equals("publish")) {
          return true;
        }
        boolean takesNext = !a.contains("=") && !RUN_SWITCHES.contains(name);
        i += takesNext ? 1 : 0;
        continue;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        return false; // the image: what follows is the container's command
      }
      for (int c = 1; c < a.length(); c++) {
        if (a.charAt(c) == 'p') {
          return true;
        }
        if (!RUN_SHORT_SWITCHES.contains(a.charAt(c))) {
          i += c == a.length() - 1 ? 1 : 0; // its value is the next word, or the rest of this one
          break;
        }
      }
    }
    return false;
  }
}
