package io.dockerlings.lessons.errors;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a catalogue entry's example on an engine: writes its files, runs its lines in order. */
final class Examples {
  private static final Pattern IP = Pattern.compile("\\{ip:([^}]+)}");
  private static final Pattern IMAGE_ID = Pattern.compile("\\{imageid:([^}]+)}");

  private Examples() {}

  /**
   * Runs {@code example} and returns the last line's result.
   *
   * @param docker runs one docker command's words
   * @param host runs one host line
   * @param dir a fresh directory for the example's files, on the machine the engine reads
   * @param write writes one of the example's files (name, content) into {@code dir}
   * @param prefix what the example's names start with instead of {@code errors-}, so that two runs
   *     on one shared engine do not meet
   */
  /** Writes a file on the real disk, failing loudly. */
  static void writeReal(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static CommandResult run(
      ErrorEntry.Example example,
      Function<List<String>, CommandResult> docker,
      Function<String, CommandResult> host,
      String dir,
      java.util.function.BiConsumer<String, String> write,
      String prefix) {
    for (Map.Entry<String, String> f : example.files().entrySet()) {
      write.accept(f.getKey(), f.getValue());
    }
    for (String line : example.setup()) {
      runLine(line.replace("errors-", prefix), docker, host, dir);
    }
    return runLine(example.run().replace("errors-", prefix), docker, host, dir);
  }

  private static CommandResult runLine(
      String line,
      Function<List<String>, CommandResult> docker,
      Function<String, CommandResult> host,
      String dir) {
    String l = line.replace("{dir}", dir);
    l = replace(l, IP, name -> inspect(docker, name, "{{.NetworkSettings.IPAddress}}"));
    l =
        replace(
            l,
            IMAGE_ID,
            ref -> inspect(docker, ref, "{{.Id}}").replaceFirst("^sha256:", "").substring(0, 12));
    if (l.startsWith("docker ")) {
      return docker.apply(CommandLine.split(l));
    }
    return host.apply(l);
  }

  private static String inspect(
      Function<List<String>, CommandResult> docker, String name, String format) {
    return docker.apply(List.of("docker", "inspect", "-f", format, name)).stdout().strip();
  }

  private static String replace(String line, Pattern p, Function<String, String> value) {
    Matcher m = p.matcher(line);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(value.apply(m.group(1))));
    }
    m.appendTail(b);
    return b.toString();
  }
}
