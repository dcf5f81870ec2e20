package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compare mode's two views of the tar files docker commands write and read ({@code save -o}, {@code
 * export -o}; {@code load -i}, {@code import FILE}): both engines are given one path in one
 * workspace, so the simulator keeps its own copy of what it wrote, in memory, and reads that copy
 * back, while the workspace holds what the real engine wrote.
 */
final class SideFiles {
  /** A copy larger than this is not kept (the simulator reads no larger file anyway). */
  static final long MAX_BYTES = io.dockerlings.simulator.Workspace.DEFAULT_MAX_FILE;

  private final Function<String, Optional<Path>> resolve;
  private final Map<Path, byte[]> simulators = new HashMap<>();

  /** {@code resolve} gives the real path behind a path typed at the prompt, if it has one. */
  SideFiles(Function<String, Optional<Path>> resolve) {
    this.resolve = resolve;
  }

  /**
   * Runs the simulator's side of {@code argv}: the files it reads are its own copies while it runs,
   * the files it writes become its copies, and the workspace is left as it was before, for the real
   * engine's side.
   */
  CommandResult onSimulator(List<String> argv, Supplier<CommandResult> run) {
    List<Path> written = resolved(written(argv));
    List<Path> read = resolved(read(argv));
    if (written.isEmpty() && read.isEmpty()) {
      return run.get();
    }
    Set<Path> touched = new LinkedHashSet<>(written);
    touched.addAll(read);
    Map<Path, Optional<byte[]>> before = new HashMap<>();
    try {
      for (Path p : touched) {
        before.put(p, contents(p));
      }
      for (Path p : read) {
        byte[] mine = simulators.get(p);
        if (mine != null) {
          Files.write(p, mine);
        }
      }
      CommandResult result = run.get();
      for (Path p : written) {
        Optional<byte[]> now = contents(p);
        Optional<byte[]> was = before.get(p);
        if (now.isPresent() && (was.isEmpty() || !java.util.Arrays.equals(now.get(), was.get()))) {
          simulators.put(p, now.get());
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      before.forEach(SideFiles::restore);
    }
  }

  /** The simulator's own copy of the file at {@code real}, if it wrote one. */
  Optional<byte[]> simulatorsCopy(Path real) {
    return Optional.ofNullable(simulators.get(real)).map(byte[]::clone);
  }

  /** Forgets every copy (a reset starts both engines over). */
  void clear() {
    simulators.clear();
  }

  private List<Path> resolved(List<String> typed) {
    List<Path> out = new ArrayList<>();
    for (String t : typed) {
      resolve.apply(t).map(p -> p.toAbsolutePath().normalize()).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<byte[]> contents(Path p) throws IOException {
    if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) {
      return Optional.empty();
    }
    return Optional.of(Files.readAllBytes(p));
  }

  private static void restore(Path p, Optional<byte[]> was) {
    try {
      if (was.isPresent()) {
        Files.write(p, was.get());
      } else if (Files.isRegularFile(p)) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files {@code docker save|export -o FILE} writes, as typed. */
  static List<String> written(List<String> argv) {
    String verb = verb(argv);
    if (!verb.equals("save") && !verb.equals("export")) {
      return List.of();
    }
    return flagValue(argv, "-o", "--output");
  }

  /** The files {@code docker load -i FILE} and {@code docker import FILE} read, as typed. */
  static List<String> read(List<String> argv) {
    String verb = verb(argv);
    if (verb.equals("load")) {
      return flagValue(argv, "-i", "--input");
    }
    if (verb.equals("import")) {
      // The first operand; "-" is stdin and a URL is fetched, neither is a file here.
      for (int i = start(argv) + 1; i < argv.size(); i++) {
        String a = argv.get(i);
        if (a.equals("-c")
            || a.equals("--change")
            || a.equals("-m")
            || a.equals("--message")
            || a.equals("--platform")) {
          i++;
        } else if (a.equals("-")) {
          return List.of();
        } else if (!a.startsWith("-")) {
          return a.contains("://") ? List.of() : List.of(a);
        }
      }
    }
    return List.of();
  }

  /** Where the verb is: {@code docker save} or {@code docker image save}. */
  private static int start(List<String> argv) {
    if (argv.size() > 2 && (argv.get(1).equals("image") || argv.get(1).equals("container"))) {
      return 2;
    }
    return 1;
  }

  private static String verb(List<String> argv) {
    int at = start(argv);
    return argv.size() > at ? argv.get(at) : "";
  }

  private static List<String> flagValue(List<String> argv, String shortFlag, String longFlag) {
    List<String> out = new ArrayList<>();
    for (int i = start(argv) + 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if ((a.equals(shortFlag) || a.equals(longFlag)) && i + 1 < argv.size()) {
        out.add(argv.get(++i));
      } else if (a.startsWith(longFlag + "=")) {
        out.add(a.substring(longFlag.length() + 1));
      } else if (a.startsWith(shortFlag) && a.length() > shortFlag.length()) {
        out.add(a.substring(shortFlag.length()).replaceFirst("^=", ""));
      }
    }
    return out;
  }
}
