package io.dockerlings.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarations of every docker command the simulator knows, read from the {@code --help} texts
 * captured from Docker Engine 20.10's CLI, so that help output, flag names, flag types and defaults
 * are the real ones by construction.
 */
public final class CommandSpecs {
  private static final Pattern FLAG =
      Pattern.compile("^  (?:-(\\w), )?\\s*--([\\w-]+)(?: (\\w+))?\\s{2,}(.*)$");
  private static final Pattern DEFAULT = Pattern.compile("\\(default ([^)]*)\\)");

  /** Canonical path, the shortcut whose help the CLI prints for it, and positional arity. */
  private record Entry(String path, String shortcut, int min, int max) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry("container run", "run", 1, -1),
          new Entry("container create", "create", 1, -1),
          new Entry("container start", "start", 1, -1),
          new Entry("container stop", "stop", 1, -1),
          new Entry("container restart", "restart", 1, -1),
          new Entry("container kill", "kill", 1, -1),
          new Entry("container rm", "rm", 1, -1),
          new Entry("container ls", "ps", 0, 0),
          new Entry("container rename", "rename", 2, 2),
          new Entry("container pause", "pause", 1, -1),
          new Entry("container unpause", "unpause", 1, -1),
          new Entry("container attach", "attach", 1, 1),
          new Entry("container exec", "exec", 2, -1),
          new Entry("container logs", "logs", 1, 1),
          new Entry("container top", "top", 1, -1),
          new Entry("container wait", "wait", 1, -1),
          new Entry("container inspect", "", 1, -1),
          new Entry("container cp", "cp", 2, 2),
          new Entry("container port", "port", 1, 2),
          new Entry("container diff", "diff", 1, 1),
          new Entry("container commit", "commit", 1, 2),
          new Entry("container stats", "stats", 0, -1),
          new Entry("network create", "", 1, 1),
          new Entry("network ls", "", 0, 0),
          new Entry("network inspect", "", 1, -1),
          new Entry("network rm", "", 1, -1),
          new Entry("network connect", "", 2, 2),
          new Entry("network disconnect", "", 2, 2),
          new Entry("network prune", "", 0, 0),
          new Entry("volume create", "", 0, 1),
          new Entry("volume ls", "", 0, 0),
          new Entry("volume inspect", "", 1, -1),
          new Entry("volume rm", "", 1, -1),
          new Entry("volume prune", "", 0, 0),
          new Entry("image ls", "images", 0, 1),
          new Entry("image build", "build", 1, 1),
          new Entry("image save", "save", 1, -1),
          new Entry("image push", "push", 1, 1),
          new Entry("image load", "load", 0, 0),
          new Entry("image import", "import", 1, 2),
          new Entry("container export", "export", 1, 1),
          new Entry("image pull", "pull", 1, 1),
          new Entry("image tag", "tag", 2, 2),
          new Entry("image rm", "rmi", 1, -1),
          new Entry("image history", "history", 1, 1),
          new Entry("image inspect", "", 1, -1),
          new Entry("search", "", 1, 1),
          new Entry("login", "", 0, 1),
          new Entry("logout", "", 0, 1),
          new Entry("version", "", 0, 0),
          new Entry("info", "", 0, 0),
          new Entry("inspect", "", 1, -1));

  private final Map<String, CommandSpec> byPath = new LinkedHashMap<>();
  private final Map<String, String> help = new LinkedHashMap<>();

  private CommandSpecs() {}

  /** Loads every declaration from the captured help texts. */
  public static CommandSpecs load() {
    CommandSpecs specs = new CommandSpecs();
    for (Entry e : ENTRIES) {
      String text = read(e.path().replace(' ', '-'));
      specs.help.put(e.path(), text);
      List<String> aliases = new ArrayList<>(aliasesOf(text, e.path()));
      if (!e.shortcut().isEmpty()) {
        aliases.add(0, e.shortcut());
        specs.help.put(e.shortcut(), read(e.shortcut()));
      }
      CommandSpec spec =
          new CommandSpec(
              e.path(),
              aliases,
              e.shortcut().isEmpty() ? e.path() : e.shortcut(),
              usageOf(text),
              descriptionOf(text),
              text,
              flagsOf(text),
              e.min(),
              e.max(),
              !List.of("container run", "container create", "container exec").contains(e.path()));
      specs.byPath.put(e.path(), spec);
    }
    for (String group : List.of("container", "image", "volume", "network")) {
      specs.help.put(group, read(group));
    }
    specs.help.put("", read("docker"));
    return specs;
  }

  /** Every declared command, canonical paths in a stable order. */
  public List<CommandSpec> all() {
    return List.copyOf(byPath.values());
  }

  /** The command a canonical path or alias path names ({@code "ps"}, {@code "image list"}). */
  public Optional<CommandSpec> find(String path) {
    CommandSpec direct = byPath.get(path);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (CommandSpec s : byPath.values()) {
      String group = s.path().contains(" ") ? s.path().substring(0, s.path().indexOf(' ')) : "";
      for (String alias : s.aliases()) {
        if (alias.equals(path) || (!group.isEmpty() && (group + " " + alias).equals(path))) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The help text the CLI prints for the path as typed: a shortcut's own text, otherwise the
   * canonical one with the typed path in its usage line.
   */
  public String helpFor(String typedPath, CommandSpec spec) {
    String own = help.get(typedPath);
    if (own != null) {
      return own;
    }
    return help.get(spec.path())
        .replace("docker " + spec.path() + " ", "docker " + typedPath + " ");
  }

  /** Help of a management group ({@code container}, {@code image}) or of docker itself (""). */
  public Optional<String> groupHelp(String group) {
    return Optional.ofNullable(help.get(group));
  }

  private static String read(String name) {
    String resource = "help/" + name + ".txt";
    try (InputStream in = CommandSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing help resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The usage line, with any continuation lines (docker cp has two forms). */
  private static String usageOf(String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("Usage:")) {
        StringBuilder b = new StringBuilder(lines[i].substring("Usage:".length()).trim());
        for (int j = i + 1; j < lines.length && lines[j].startsWith("\t"); j++) {
          b.append('\n').append(lines[j]);
        }
        return b.toString();
      }
    }
    return "";
  }

  private static String descriptionOf(String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("Usage:")) {
        for (int j = i + 1; j < lines.length; j++) {
          if (!lines[j].isBlank() && !lines[j].startsWith("\t") && !lines[j].startsWith(" ")) {
            return lines[j];
          }
        }
      }
    }
    return "";
  }

  private static List<String> aliasesOf(String text, String path) {
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\n");
    String self = path.substring(path.lastIndexOf(' ') + 1);
    for (int i = 0; i < lines.length - 1; i++) {
      if (lines[i].equals("Aliases:")) {
        for (String a : lines[i + 1].trim().split(",\\s*")) {
          if (!a.equals(self)) {
            out.add(a);
          }
        }
      }
    }
    return out;
  }

  private static List<FlagSpec> flagsOf(String text) {
    List<FlagSpec> flags = new ArrayList<>();
    boolean inOptions = false;
    FlagSpec pending = null;
    StringBuilder description = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.equals("Options:")) {
        inOptions = true;
        continue;
      }
      if (!inOptions) {
        continue;
      }
      Matcher m = FLAG.matcher(line);
      if (m.matches()) {
        if (pending != null) {
          flags.add(withDefault(pending, description.toString()));
        }
        String type = m.group(3) == null ? "" : m.group(3);
        FlagKind kind =
            type.isEmpty()
                ? FlagKind.BOOL
                : List.of(
                            "list",
                            "filter",
                            "ulimit",
                            "mount",
                            "gpu-request",
                            "weight-device",
                            "throttledevice")
                        .contains(type)
                    ? FlagKind.LIST
                    : FlagKind.STRING;
        pending =
            new FlagSpec(
                m.group(2),
                Optional.ofNullable(m.group(1)).map(s -> s.charAt(0)),
                kind,
                type,
                Optional.empty());
        description = new StringBuilder(m.group(4));
      } else if (pending != null && line.startsWith("      ")) {
        description.append(' ').append(line.trim());
      } else if (line.isBlank() && pending != null) {
        flags.add(withDefault(pending, description.toString()));
        pending = null;
        inOptions = false;
      }
    }
    if (pending != null) {
      flags.add(withDefault(pending, description.toString()));
    }
    return flags;
  }

  private static FlagSpec withDefault(FlagSpec f, String description) {
    Matcher d = DEFAULT.matcher(description);
    Optional<String> def = Optional.empty();
    while (d.find()) {
      def = Optional.of(d.group(1).replace("\"", ""));
    }
    return new FlagSpec(f.longName(), f.shortName(), f.kind(), f.typeWord(), def);
  }
}
