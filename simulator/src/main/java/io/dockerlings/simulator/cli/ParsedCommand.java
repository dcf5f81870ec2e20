package io.dockerlings.simulator.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A docker command after flag parsing: the command path, the flags the user set and the positional
 * arguments, all immutable.
 *
 * <p>Flags are looked up by their long name. Values are kept as the user typed them; handlers
 * convert and validate them, so that each error is worded where the engine words it.
 *
 * @param path the canonical command path, e.g. {@code "container run"} or {@code "image ls"}
 * @param spec the command's declaration
 * @param values every flag the user set, long name to values in the order given (a BOOL flag holds
 *     {@code "true"} or {@code "false"})
 * @param args positional arguments; for commands that stop at the first positional argument ({@code
 *     run}, {@code exec}, {@code create}) everything after it, flags included
 */
public record ParsedCommand(
    String path, CommandSpec spec, Map<String, List<String>> values, List<String> args) {

  public ParsedCommand {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    values = Collections.unmodifiableMap(copy);
    args = List.copyOf(args);
  }

  /** Whether the user gave this flag at all. */
  public boolean isSet(String longName) {
    return values.containsKey(longName);
  }

  /** A boolean flag: true when given without a value or as {@code --flag=true}. */
  public boolean bool(String longName) {
    List<String> v = values.get(longName);
    return v != null && !v.isEmpty() && Boolean.parseBoolean(v.get(v.size() - 1));
  }

  /** The last value of a flag, if given. */
  public Optional<String> string(String longName) {
    List<String> v = values.get(longName);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** The last value of a flag, or {@code fallback} when not given. */
  public String string(String longName, String fallback) {
    return string(longName).orElse(fallback);
  }

  /** Every value of a repeatable flag, in the order given; empty when not given. */
  public List<String> list(String longName) {
    return values.getOrDefault(longName, List.of());
  }

  /** The name used in {@code See 'docker NAME --help'.}: the path the user typed. */
  public String helpName() {
    return spec.helpName();
  }

  /**
   * The last value of an integer flag ({@code int}, {@code int64}, {@code uint16}...) read as the
   * CLI's flag parser read it ({@code strconv.ParseInt} in base 0: a sign, {@code 0x1f}, {@code
   * 0o17}, {@code 1_000}); {@code fallback} when not given. The parser has refused any other value
   * before a handler runs, so this does not fail for such a flag.
   */
  public long integer(String longName, long fallback) {
    Optional<String> v = string(longName);
    return v.isEmpty() ? fallback : GoParse.parseInt(v.get(), 64);
  }

  /** The same, held to the range of an {@code int}. */
  public int intValue(String longName, int fallback) {
    long n = integer(longName, fallback);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
  }
}
