package io.dockerlings.grading;

import io.dockerlings.simulator.CommandLine;
import java.util.List;
import java.util.Set;

/**
 * Whether a replay uses something a real engine shares among all its users even with a session's
 * scope. Names, single host ports ({@code -p 8080:80}, {@code localhost:5000/app}) and the tags a
 * session makes ({@code build -t}, {@code tag}, {@code commit}, {@code import}) are the session's
 * own on the engine; what is left is: a host port range ({@code -p 8080-8081:80}, passed as it is),
 * a network's own addresses ({@code network create --subnet}, {@code --ip-range}, {@code
 * --gateway}, {@code --aux-address}: address pools are the engine's), {@code load} (the tags come
 * from the tar as they are), and a {@code pull} from a registry that is not on this machine (the
 * engine keeps one copy under the registry's name). Such submissions are graded one at a time; all
 * others run side by side. The test is on the lines as typed, so it errs on the side of "shared":
 * the word {@code docker} followed by such a command anywhere in a line counts.
 */
final class EngineWide {
  private static final Set<String> STARTING = Set.of("run", "create");
  private static final Set<String> ADDRESSING =
      Set.of("--subnet", "--ip-range", "--gateway", "--aux-address");

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

  /** Whether any of these lines uses something engine-wide. */
  static boolean uses(List<String> lines) {
    return lines.stream().anyMatch(EngineWide::uses);
  }

  /** Whether this line uses something engine-wide (a port range, subnet, load or remote pull). */
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
      List<String> rest = words.subList(verb + 1, words.size());
      if (command.equals("load")) {
        return true;
      }
      if (command.equals("pull") && rest.stream().anyMatch(w -> !w.startsWith("-") && !local(w))) {
        return true;
      }
      if (command.equals("network")
          && !rest.isEmpty()
          && rest.get(0).equals("create")
          && rest.stream().anyMatch(w -> ADDRESSING.contains(w.split("=", 2)[0]))) {
        return true;
      }
      if (STARTING.contains(command) && publishesRange(rest)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an image reference names a registry on this machine ({@code localhost:5000/app}). */
  private static boolean local(String ref) {
    return ref.matches("(localhost|127\\.0\\.0\\.1):[0-9]{1,5}/.*");
  }

  /**
   * Whether a {@code --publish}/{@code -p} value gives a range of host ports ({@code 8080-8081:80},
   * {@code 127.0.0.1:8080-8081:80}); a single or random host port is the session's own.
   */
  static boolean hostRange(String publish) {
    String[] parts = publish.split(":", -1);
    return parts.length >= 2 && parts[parts.length - 2].contains("-");
  }

  /**
   * A {@code --publish}/{@code -p} flag with a host port range, alone or in a cluster such as
   * {@code -dp 8080-8081:80}, before the image: flags are read as the docker CLI reads {@code
   * run}'s, so a value ({@code -e X=-p}) and the container's own command ({@code busybox httpd -p
   * 80}) are not taken for one.
   */
  private static boolean publishesRange(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        return false;
      }
      if (a.startsWith("--")) {
        String[] nameValue = a.substring(2).split("=", 2);
        String name = nameValue[0];
        if (name.equals("publish")) {
          String value =
              nameValue.length > 1 ? nameValue[1] : i + 1 < args.size() ? args.get(++i) : "";
          if (hostRange(value)) {
            return true;
          }
          continue;
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
          String value =
              c < a.length() - 1 ? a.substring(c + 1) : i + 1 < args.size() ? args.get(++i) : "";
          if (hostRange(value)) {
            return true;
          }
          break;
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
