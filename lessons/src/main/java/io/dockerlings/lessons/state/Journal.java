package io.dockerlings.lessons.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands a learner ran in a session, oldest first, with what each printed: what {@code
 * used}/{@code never} goals look at, what {@code undo} replays without its last entry, and what
 * progress records so that a resumed lesson rebuilds its state.
 *
 * @param entries the commands, oldest first
 */
public record Journal(List<Entry> entries) {
  public Journal {
    entries = List.copyOf(entries);
  }

  /**
   * One command.
   *
   * @param line the line as typed ({@code docker run -d --name web nginx} or a host line)
   * @param exitCode what it returned
   * @param output its stdout and stderr, in that order
   * @param input the lines typed into the terminal the command opened ({@code run -it}), if any
   */
  public record Entry(String line, int exitCode, String output, List<String> input) {
    public Entry {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(output, "output");
      input = List.copyOf(input);
    }

    /** A command that opened no terminal. */
    public Entry(String line, int exitCode, String output) {
      this(line, exitCode, output, List.of());
    }
  }

  /** A journal with nothing in it. */
  public static Journal empty() {
    return new Journal(List.of());
  }

  /** This journal with one more command at the end. */
  public Journal append(Entry entry) {
    List<Entry> more = new ArrayList<>(entries);
    more.add(entry);
    return new Journal(more);
  }

  /** This journal without its last command (unchanged when empty). */
  public Journal withoutLast() {
    return entries.isEmpty() ? this : new Journal(entries.subList(0, entries.size() - 1));
  }

  /** The first {@code n} commands (all of them when there are fewer). */
  public Journal first(int n) {
    return n >= entries.size() ? this : new Journal(entries.subList(0, Math.max(0, n)));
  }

  /** The commands from index {@code from} on. */
  public List<Entry> since(int from) {
    return from >= entries.size() ? List.of() : entries.subList(Math.max(0, from), entries.size());
  }

  /** The last command, if any. */
  public Optional<Entry> last() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  /** The lines as typed, oldest first. */
  public List<String> lines() {
    return entries.stream().map(Entry::line).toList();
  }

  /** How many commands it holds. */
  public int size() {
    return entries.size();
  }
}
