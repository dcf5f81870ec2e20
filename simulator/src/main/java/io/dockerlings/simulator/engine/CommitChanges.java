package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code -c} changes of {@code commit} and {@code import}, checked in the daemon's order before
 * any is applied.
 *
 * <p>The daemon joins all changes into one Dockerfile and goes through it in passes: the parser's
 * own errors (name=value syntax, an empty file), then instructions commit does not take, then each
 * instruction's arguments, then the values (ports). So the first error of the earliest pass wins,
 * whatever the order of the {@code -c} flags. HEALTHCHECK and ONBUILD are checked and accepted, but
 * not recorded: image configs here carry neither.
 */
final class CommitChanges {
  private static final Set<String> VALID =
      Set.of(
          "CMD",
          "ENTRYPOINT",
          "HEALTHCHECK",
          "ENV",
          "EXPOSE",
          "LABEL",
          "ONBUILD",
          "USER",
          "VOLUME",
          "WORKDIR");
  private static final Set<String> AT_LEAST_ONE =
      Set.of("ENV", "LABEL", "VOLUME", "EXPOSE", "ONBUILD", "HEALTHCHECK");

  private CommitChanges() {}

  /** Applies {@code changes} to {@code config}, or throws the daemon's error and applies none. */
  static ImageConfig apply(ImageConfig config, List<String> changes) {
    if (changes.isEmpty()) {
      return config;
    }
    List<Dockerfile.Instruction> instructions = Dockerfile.split(String.join("\n", changes));
    for (Dockerfile.Instruction ins : instructions) {
      if (ins.keyword().equals("ENV") || ins.keyword().equals("LABEL")) {
        checkNameValueSyntax(ins.keyword(), ins.args());
      }
    }
    if (instructions.isEmpty()) {
      throw DockerException.daemon("file with no instructions");
    }
    for (Dockerfile.Instruction ins : instructions) {
      if (!VALID.contains(ins.keyword())) {
        throw DockerException.daemon(
            ins.keyword().toLowerCase(Locale.ROOT) + " is not a valid change command");
      }
    }
    for (Dockerfile.Instruction ins : instructions) {
      checkArguments(ins.keyword(), ins.args());
    }
    for (Dockerfile.Instruction ins : instructions) {
      if (ins.keyword().equals("EXPOSE")) {
        for (String port : words(ins.args())) {
          try {
            Ports.parse(port);
          } catch (Failure f) {
            throw DockerException.daemon(f.getMessage());
          }
        }
      }
    }
    ImageConfig out = config;
    for (Dockerfile.Instruction ins : instructions) {
      if (!ins.keyword().equals("HEALTHCHECK") && !ins.keyword().equals("ONBUILD")) {
        out = Changes.apply(out, ins.keyword() + " " + ins.args());
      }
    }
    return out;
  }

  /** The Dockerfile parser's checks of {@code ENV}/{@code LABEL}: old or name=value form. */
  private static void checkNameValueSyntax(String keyword, String args) {
    List<String> words = words(args);
    if (words.isEmpty()) {
      return;
    }
    if (!words.get(0).contains("=")) {
      // The old form, "KEY name value", needs a value after the name.
      if (args.trim().split("\\s+", 2).length < 2) {
        throw DockerException.daemon(keyword + " must have two arguments");
      }
      return;
    }
    for (String word : words) {
      if (!word.contains("=")) {
        throw DockerException.daemon(
            "Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
      }
    }
  }

  private static void checkArguments(String keyword, String args) {
    List<String> words = words(args);
    if (words.isEmpty()) {
      if (AT_LEAST_ONE.contains(keyword)) {
        throw DockerException.daemon(keyword + " requires at least one argument");
      }
      if (keyword.equals("USER") || keyword.equals("WORKDIR")) {
        throw DockerException.daemon(keyword + " requires exactly one argument");
      }
      return;
    }
    switch (keyword) {
      case "ENV", "LABEL" -> {
        // Only the name=value form can leave a name out; the old form's value may hold "=".
        boolean nameValue = words.get(0).contains("=");
        if (nameValue && words.stream().anyMatch(w -> w.startsWith("="))) {
          throw DockerException.daemon(keyword + " names can not be blank");
        }
      }
      case "ONBUILD" -> {
        String trigger = words.get(0).toUpperCase(Locale.ROOT);
        if (trigger.equals("ONBUILD")) {
          throw DockerException.daemon("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
          throw DockerException.daemon(trigger + " isn't allowed as an ONBUILD trigger");
        }
      }
      case "HEALTHCHECK" -> checkHealthcheck(words);
      default -> {
        // CMD, ENTRYPOINT, USER, WORKDIR and VOLUME take whatever follows them.
      }
    }
  }

  private static void checkHealthcheck(List<String> words) {
    int i = 0;
    while (i < words.size() && words.get(i).startsWith("--")) {
      i++;
    }
    String type = i < words.size() ? words.get(i) : "";
    switch (type.toUpperCase(Locale.ROOT)) {
      case "NONE" -> {
        if (i + 1 < words.size()) {
          throw DockerException.daemon("HEALTHCHECK NONE takes no arguments");
        }
      }
      case "CMD" -> {
        if (i + 1 >= words.size()) {
          throw DockerException.daemon("Missing command after HEALTHCHECK CMD");
        }
      }
      default ->
          throw DockerException.daemon("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
    }
  }

  /** Words split on blanks outside quotes, quotes kept, as the Dockerfile parser splits them. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(ch)) {
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      word.append(ch);
      if (ch == '\\' && quote != '\'' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
      } else if (quote == 0 && (ch == '"' || ch == '\'')) {
        quote = ch;
      } else if (ch == quote) {
        quote = 0;
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }
}
