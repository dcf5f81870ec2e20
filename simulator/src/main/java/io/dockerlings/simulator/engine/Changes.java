package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.cli.DockerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies one config instruction (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, VOLUME, WORKDIR,
 * STOPSIGNAL) to an image config, for builds and, once {@link CommitChanges} checked them, for
 * {@code commit -c}.
 */
final class Changes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Changes() {}

  static ImageConfig apply(ImageConfig config, String change) {
    String trimmed = change.trim();
    int space = trimmed.indexOf(' ');
    String word = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    String rest = space < 0 ? "" : trimmed.substring(space + 1).trim();
    return switch (word) {
      case "CMD" -> config.withCmd(Optional.of(commandForm(rest)));
      case "ENTRYPOINT" -> config.withEntrypoint(Optional.of(commandForm(rest)));
      case "ENV" -> {
        List<String> env = new ArrayList<>(config.env());
        for (String kv : pairs(rest)) {
          String key = kv.substring(0, kv.indexOf('='));
          env.removeIf(e -> e.startsWith(key + "="));
          env.add(kv);
        }
        yield config.withEnv(env);
      }
      case "EXPOSE" -> {
        TreeSet<String> ports = new TreeSet<>(config.exposedPorts());
        for (String p : rest.split("\\s+")) {
          ports.add(p.contains("/") ? p : p + "/tcp");
        }
        yield config.withExposed(ports);
      }
      case "LABEL" -> {
        TreeMap<String, String> labels = new TreeMap<>(config.labels());
        for (String kv : pairs(rest)) {
          labels.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        yield config.withLabels(labels);
      }
      case "USER" -> config.withUser(rest);
      case "WORKDIR" -> config.withWorkingDir(rest);
      case "STOPSIGNAL" -> config.withStopSignal(Optional.of(rest));
      case "VOLUME" -> {
        TreeSet<String> v = new TreeSet<>(config.volumes());
        v.addAll(rest.startsWith("[") ? commandForm(rest) : Arrays.asList(rest.split("\\s+")));
        yield config.withVolumes(v);
      }
      default ->
          throw DockerException.daemon(
              "dockerfile parse error line 1: unknown instruction: " + word);
    };
  }

  /** Exec form ({@code ["a","b"]}) as given; shell form wrapped in {@code /bin/sh -c}. */
  private static List<String> commandForm(String rest) {
    if (rest.startsWith("[")) {
      try {
        String[] parts = JSON.readValue(rest, String[].class);
        return List.of(parts);
      } catch (JsonProcessingException e) {
        // Not valid JSON: docker then treats the text as shell form.
      }
    }
    // An empty shell form is the shell alone: the engine passes no empty argument.
    return rest.isEmpty() ? List.of("/bin/sh", "-c") : List.of("/bin/sh", "-c", rest);
  }

  private static List<String> pairs(String rest) {
    List<String> out = new ArrayList<>();
    if (!rest.contains("=")) {
      int sp = rest.indexOf(' ');
      out.add(sp < 0 ? rest + "=" : rest.substring(0, sp) + "=" + rest.substring(sp + 1).trim());
      return out;
    }
    for (String p : CommitChanges.words(rest)) {
      if (p.contains("=")) {
        out.add(unquote(p));
      }
    }
    return out;
  }

  /** Drops the quotes and escapes of a name=value word, as the builder's shell lexer does. */
  private static String unquote(String word) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < word.length(); i++) {
      char ch = word.charAt(i);
      if (ch == '\\' && quote != '\'' && i + 1 < word.length()) {
        out.append(word.charAt(++i));
      } else if (quote == 0 && (ch == '"' || ch == '\'')) {
        quote = ch;
      } else if (ch == quote) {
        quote = 0;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
