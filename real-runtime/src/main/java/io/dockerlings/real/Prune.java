package io.dockerlings.real;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Helpers the network and volume commands share: the prune prompt, filters and JSON bodies. */
final class Prune {
  private Prune() {}

  /**
   * Prints the CLI's confirmation prompt unless {@code --force} is given; whether to go on (the
   * learner answered {@code y} on stdin).
   */
  static boolean confirmed(ParsedCommand cmd, CommandIo io, String warning) {
    if (cmd.bool("force")) {
      return true;
    }
    io.out("WARNING! " + warning + "\nAre you sure you want to continue? [y/N] ");
    return io.stdin().trim().equalsIgnoreCase("y");
  }

  /** The {@code --filter} flags as the API's filters document, plus the sandbox's label. */
  static ObjectNode filters(ParsedCommand cmd, List<String> sandboxLabel) {
    ObjectNode filters = JsonNodeFactory.instance.objectNode();
    for (String f : cmd.list("filter")) {
      int eq = f.indexOf('=');
      if (eq < 0) {
        throw badFilter(cmd, f);
      }
      filters.withArray(f.substring(0, eq)).add(f.substring(eq + 1));
    }
    sandboxLabel.forEach(l -> filters.withArray("label").add(l));
    return filters;
  }

  /** The CLI's refusal of a {@code --filter} without {@code =}, exit 125. */
  static DockerException badFilter(ParsedCommand cmd, String filter) {
    return new DockerException(
        "invalid argument \""
            + filter
            + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\n"
            + "See 'docker "
            + cmd.helpName()
            + " --help'.",
        125);
  }

  /** {@code key=value} flags ({@code --label}, {@code -o}) as a JSON object. */
  static ObjectNode pairs(List<String> values) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String l : values) {
      int eq = l.indexOf('=');
      o.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
    }
    return o;
  }

  static Map<String, String> jsonHeader() {
    return Map.of("Content-Type", "application/json");
  }

  static ByteArrayInputStream body(ObjectNode json) {
    return new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8));
  }
}
