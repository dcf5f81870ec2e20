package io.dockerlings.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed Dockerfile: instructions with their line numbers and original text, after comments,
 * parser directives and line continuations are dealt with as the classic builder does.
 */
record Dockerfile(List<Dockerfile.Instruction> instructions) {
  /** One instruction: its keyword (upper case), arguments, source line, and text as written. */
  record Instruction(String keyword, String args, int line, String original) {
    /** The exec form's words ({@code ["a","b"]}), if the arguments are a JSON array. */
    java.util.Optional<List<String>> execForm() {
      String a = args.trim();
      if (!a.startsWith("[")) {
        return java.util.Optional.empty();
      }
      try {
        String[] parts =
            new com.fasterxml.jackson.databind.ObjectMapper().readValue(a, String[].class);
        return java.util.Optional.of(List.of(parts));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return java.util.Optional.empty();
      }
    }
  }

  static final Set<String> KNOWN =
      Set.of(
          "FROM",
          "MAINTAINER",
          "LABEL",
          "RUN",
          "CMD",
          "ENTRYPOINT",
          "ENV",
          "ARG",
          "ADD",
          "COPY",
          "WORKDIR",
          "EXPOSE",
          "VOLUME",
          "USER",
          "ONBUILD",
          "STOPSIGNAL",
          "HEALTHCHECK",
          "SHELL");

  /** Parses the text, with the daemon's errors for unknown instructions and empty files. */
  static Dockerfile parse(String text, String fileName) {
    List<Instruction> out = split(text);
    for (Instruction ins : out) {
      if (!KNOWN.contains(ins.keyword())) {
        throw Failure.daemon(
            "dockerfile parse error line "
                + ins.line()
                + ": unknown instruction: "
                + ins.keyword());
      }
      if ((ins.keyword().equals("COPY") || ins.keyword().equals("ADD"))
          && operands(ins.args()) < 2) {
        throw Failure.daemon(
            "dockerfile parse error line "
                + ins.line()
                + ": "
                + ins.keyword()
                + " requires at least two arguments, but only one was provided. Destination could"
                + " not be determined");
      }
    }
    if (out.isEmpty()) {
      throw Failure.daemon("the Dockerfile (" + fileName + ") cannot be empty");
    }
    return new Dockerfile(out);
  }

  /** How many operands (words that are not {@code --flags}) COPY or ADD was given. */
  private static int operands(String args) {
    java.util.Optional<List<String>> json = new Instruction("COPY", args, 0, "").execForm();
    if (json.isPresent()) {
      return json.get().size();
    }
    int n = 0;
    for (String w : args.trim().split("\\s+")) {
      if (!w.isEmpty() && !w.startsWith("--")) {
        n++;
      }
    }
    return n;
  }

  /**
   * Splits the text into instructions without judging their keywords: {@code commit -c} words an
   * unknown keyword its own way.
   */
  static List<Instruction> split(String text) {
    List<Instruction> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    StringBuilder pending = new StringBuilder();
    StringBuilder original = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\r", "");
      String trimmed = line.trim();
      if (pending.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (pending.length() > 0 && trimmed.startsWith("#")) {
        continue;
      }
      if (pending.length() == 0) {
        start = i + 1;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        original.append(trimmed, 0, trimmed.length() - 1);
        continue;
      }
      pending.append(trimmed);
      original.append(trimmed);
      String full = pending.toString().trim();
      String shown = original.toString().trim();
      pending.setLength(0);
      original.setLength(0);
      int sp = full.indexOf(' ');
      String keyword = (sp < 0 ? full : full.substring(0, sp)).toUpperCase(Locale.ROOT);
      String args = sp < 0 ? "" : full.substring(sp + 1).trim();
      out.add(new Instruction(keyword, args, start, shown));
    }
    return out;
  }
}
