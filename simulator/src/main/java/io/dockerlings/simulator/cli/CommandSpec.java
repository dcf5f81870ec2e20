package io.dockerlings.simulator.cli;

import java.util.List;
import java.util.Optional;

/**
 * The declaration of one docker command: its usage line, description, flags and arity.
 *
 * @param path the canonical path, e.g. {@code "container ls"}
 * @param aliases other paths that reach it, e.g. {@code "ps"}, {@code "container list"}
 * @param helpName the name the CLI uses in its errors ({@code "docker ps --help"} → {@code "ps"}),
 *     for the top-level shortcut commands
 * @param usage the usage line without the {@code Usage:} prefix, e.g. {@code "docker ps [OPTIONS]"}
 * @param description the one-line description
 * @param helpText the full {@code --help} output, exactly as the docker CLI prints it
 * @param flags every flag
 * @param minArgs the fewest positional arguments
 * @param maxArgs the most positional arguments, -1 for no limit
 * @param interspersed whether flags may follow positional arguments ({@code false} for {@code run},
 *     {@code create}, {@code exec}, where everything after the image or container is the
 *     container's command)
 */
public record CommandSpec(
    String path,
    List<String> aliases,
    String helpName,
    String usage,
    String description,
    String helpText,
    List<FlagSpec> flags,
    int minArgs,
    int maxArgs,
    boolean interspersed) {

  public CommandSpec {
    aliases = List.copyOf(aliases);
    flags = List.copyOf(flags);
  }

  /** The flag with this long name. */
  public Optional<FlagSpec> flag(String longName) {
    return flags.stream().filter(f -> f.longName().equals(longName)).findFirst();
  }

  /** The flag with this short letter. */
  public Optional<FlagSpec> shortFlag(char letter) {
    return flags.stream()
        .filter(f -> f.shortName().isPresent() && f.shortName().get() == letter)
        .findFirst();
  }
}
