package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.format.DockerJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The output shapes the {@code image}, {@code network} and {@code volume} subcommands share ({@code
 * ls} name filters and rows, {@code inspect} printing, the {@code prune} question and report), so
 * each is worded once and reads the same for every object kind.
 */
final class ObjectVerbs {
  private ObjectVerbs() {}

  /**
   * The {@code name=} values among a command's {@code --filter}s: a name passes when none is given
   * or it contains one of them.
   */
  record NameFilter(List<String> parts) {
    NameFilter {
      parts = List.copyOf(parts);
    }

    static NameFilter of(List<String> filters) {
      List<String> parts = new ArrayList<>();
      for (String f : filters) {
        if (f.startsWith("name=")) {
          parts.add(f.substring("name=".length()));
        }
      }
      return new NameFilter(parts);
    }

    boolean matches(String name) {
      return parts.isEmpty() || parts.stream().anyMatch(name::contains);
    }
  }

  /**
   * Prints a list command's answer: the ids with {@code -q}, otherwise the rows through {@code
   * --format} (the listing's default table when none is given). Always 0.
   */
  static int printList(
      ParsedCommand cmd,
      CommandIo io,
      Listing listing,
      List<String> ids,
      List<? extends JsonNode> rows) {
    if (cmd.bool("quiet")) {
      ids.forEach(io::outln);
      return 0;
    }
    io.out(listing.render(cmd.string("format", ""), rows));
    return 0;
  }

  /**
   * Prints {@code KIND inspect}: each document found through {@code --format}, or all of them as
   * one JSON array, then {@code Error: No such KIND: REF} for each reference not found; 1 when any
   * was missing. {@code escapeHtml} is set where the CLI marshals a typed object ({@code volume
   * inspect}) rather than passing on the engine's raw JSON.
   */
  static int printInspect(
      ParsedCommand cmd,
      CommandIo io,
      String kind,
      Function<String, Optional<JsonNode>> lookup,
      boolean escapeHtml) {
    return printInspect(cmd, io, lookup, ref -> "Error: No such " + kind + ": " + ref, escapeHtml);
  }

  /**
   * The CLI's inspect loop: a template that does not parse fails first (exit 64); then each
   * reference in turn is looked up and printed, a missing one or one the template fails on adding
   * its error; the errors follow on stderr in argument order. With {@code --format} and nothing
   * printed the CLI still ends with an empty line, without it the array is {@code []}.
   */
  static int printInspect(
      ParsedCommand cmd,
      CommandIo io,
      Function<String, Optional<JsonNode>> lookup,
      Function<String, String> missing,
      boolean escapeHtml) {
    Optional<String> format = cmd.string("format").filter(f -> !f.isEmpty());
    format.ifPresent(Formats::checkTemplate);
    List<JsonNode> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    StringBuilder templated = new StringBuilder();
    for (String ref : cmd.args()) {
      Optional<JsonNode> doc = lookup.apply(ref);
      if (doc.isEmpty()) {
        errors.add(missing.apply(ref));
      } else if (format.isPresent()) {
        try {
          templated.append(Formats.template(format.get(), doc.get())).append('\n');
        } catch (DockerException e) {
          errors.add(e.text());
        }
      } else {
        found.add(doc.get());
      }
    }
    if (format.isPresent()) {
      io.out(templated.length() == 0 ? "\n" : templated.toString());
    } else {
      io.out(DockerJson.inspect(found, escapeHtml));
    }
    errors.forEach(io::errln);
    return errors.isEmpty() ? 0 : 1;
  }

  /**
   * Whether a prune may go ahead: at once with {@code --force}, otherwise after asking {@code
   * WARNING! <warning>} and reading {@code y} (any case) from stdin.
   */
  static boolean pruneConfirmed(ParsedCommand cmd, CommandIo io, String warning) {
    if (cmd.bool("force")) {
      return true;
    }
    io.out("WARNING! " + warning + "\nAre you sure you want to continue? [y/N] ");
    return io.stdin().trim().equalsIgnoreCase("y");
  }

  /**
   * Prints what a prune removed under {@code heading} and a blank line; nothing at all when it
   * removed nothing, as the CLI does.
   */
  static void printPruned(CommandIo io, String heading, List<String> removed) {
    if (removed.isEmpty()) {
      return;
    }
    io.outln(heading);
    removed.forEach(io::outln);
    io.outln("");
  }
}
