package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One recorded template run: the template, docker's stdout, stderr and exit code. */
record Transcript(String template, String stdout, String stderr, int exitCode) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Reads a resource of blocks: {@code $ "json template"}, stdout lines, {@code 2> }, {@code ? N}.
   */
  static List<Transcript> read(String resource) {
    List<Transcript> out = new ArrayList<>();
    String template = null;
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    for (String line : DockerJsonTest.resource(resource).split("\n", -1)) {
      if (line.startsWith("#") || (template == null && line.isEmpty())) {
        continue;
      }
      if (line.startsWith("$ ")) {
        try {
          template = MAPPER.readValue(line.substring(2), String.class);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (line.startsWith("2> ")) {
        stderr.append(line.substring(3)).append('\n');
      } else if (line.startsWith("? ")) {
        out.add(
            new Transcript(
                template,
                stdout.toString(),
                stderr.toString(),
                Integer.parseInt(line.substring(2))));
        template = null;
        stdout.setLength(0);
        stderr.setLength(0);
      } else {
        stdout.append(line).append('\n');
      }
    }
    return out;
  }

  /** The whole run as text, so a failed comparison shows every difference. */
  String render() {
    return "$ "
        + template
        + "\n"
        + stdout
        + stderr.replaceAll("(?m)^", "2> ").replaceAll("2> $", "")
        + "? "
        + exitCode;
  }

  @Override
  public String toString() {
    return template;
  }
}
