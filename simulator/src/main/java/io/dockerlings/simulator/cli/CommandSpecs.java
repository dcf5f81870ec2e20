package io.dockerlings.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declarations of the docker commands the simulator knows, read from the {@code --help} texts
 * captured from Docker Engine 20.10.24's CLI, so that help output, usage lines, aliases, flag
 * names, flag types, defaults and arity are the real ones by construction.
 *
 * <p>A command can be reached by several paths ({@code docker ps}, {@code docker container ls},
 * {@code docker container list}); {@link #find} answers each with the canonical path and the name,
 * usage and help text the CLI shows for that path.
 */
public final class CommandSpecs {
  /**
   * One command: its canonical path, the top-level shortcut the CLI also offers, other paths with
   * their own help text, and the arity when the usage line does not say it (-2: from the usage).
   */
  private record Entry(String path, String shortcut, List<String> otherPaths, int min, int max) {
    Entry(String path, String shortcut) {
      this(path, shortcut, List.of(), -2, -2);
    }
  }

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry("container attach", "attach"),
          new Entry("container commit", "commit"),
          new Entry("container cp", "cp"),
          new Entry("container create", "create"),
          new Entry("container diff", "diff"),
          new Entry("container exec", "exec"),
          new Entry("container export", "export"),
          new Entry("container inspect", ""),
          new Entry("container kill", "kill"),
          new Entry("container logs", "logs"),
          new Entry("container ls", "ps"),
          new Entry("container pause", "pause"),
          new Entry("container port", "port"),
          new Entry("container prune", ""),
          new Entry("container rename", "rename"),
          new Entry("container restart", "restart"),
          new Entry("container rm", "rm"),
          new Entry("container run", "run"),
          new Entry("container start", "start"),
          new Entry("container stats", "stats"),
          new Entry("container stop", "stop"),
          // The usage says [ps OPTIONS], but any number of ps arguments may follow.
          new Entry("container top", "top", List.of(), 1, -1),
          new Entry("container unpause", "unpause"),
          new Entry("container update", "update"),
          new Entry("container wait", "wait"),
          new Entry("image build", "build"),
          new Entry("image history", "history"),
          // The usage shows one optional REPOSITORY, but the CLI only checks the minimum.
          new Entry("image import", "import", List.of(), 1, -1),
          new Entry("image inspect", ""),
          new Entry("image load", "load"),
          new Entry("image ls", "images"),
          new Entry("image prune", ""),
          new Entry("image pull", "pull"),
          new Entry("image push", "push"),
          new Entry("image rm", "rmi"),
          new Entry("image save", "save"),
          new Entry("image tag", "tag"),
          new Entry("network connect", ""),
          new Entry("network create", ""),
          new Entry("network disconnect", ""),
          new Entry("network inspect", ""),
          new Entry("network ls", ""),
          new Entry("network prune", ""),
          new Entry("network rm", ""),
          new Entry("volume create", ""),
          new Entry("volume inspect", ""),
          new Entry("volume ls", ""),
          new Entry("volume prune", ""),
          new Entry("volume rm", ""),
          new Entry("info", "", List.of("system info"), -2, -2),
          new Entry("system prune", ""),
          new Entry("inspect", ""),
          new Entry("login", ""),
          new Entry("logout", ""),
          new Entry("search", ""),
          new Entry("version", ""));

  // top too: what follows the container is ps's own options (docker top web -o pid,comm).
  private static final List<String> NOT_INTERSPERSED =
      List.of("container run", "container create", "container exec", "container top");

  private final Map<String, CommandSpec> canonical = new LinkedHashMap<>();
  private final Map<String, CommandSpec> byTypedPath = new LinkedHashMap<>();
  private final Map<String, CommandSpec> groups = new LinkedHashMap<>();
  private final Set<String> realPaths = new LinkedHashSet<>();
  private final Map<String, String> shortDescriptions = new LinkedHashMap<>();
  private CommandSpec root;
  private CommandSpec helpCommand;

  private CommandSpecs() {}

  /** Loads every declaration from the captured help texts. */
  public static CommandSpecs load() {
    CommandSpecs specs = new CommandSpecs();
    String rootText = read("docker");
    specs.root = pseudo("", rootText, false);
    specs.helpCommand = pseudo("help", read("help"), true);
    specs.shortDescriptions.putAll(HelpText.commandListing(rootText));
    for (String group : List.of("container", "image", "network", "volume", "system")) {
      String text = read(group);
      specs.groups.put(group, pseudo(group, text, true));
      HelpText.commandListing(text)
          .forEach((n, d) -> specs.shortDescriptions.put(group + " " + n, d));
    }
    specs.realPaths.addAll(specs.shortDescriptions.keySet());
    for (Entry e : ENTRIES) {
      specs.add(e);
    }
    return specs;
  }

  private void add(Entry e) {
    String text = read(e.path());
    int[] arity =
        e.min() == -2 ? HelpText.arity(HelpText.usage(text)) : new int[] {e.min(), e.max()};
    List<String> paths = new ArrayList<>();
    if (!e.shortcut().isEmpty()) {
      paths.add(e.shortcut());
    }
    String group = e.path().contains(" ") ? e.path().substring(0, e.path().indexOf(' ')) : "";
    String self = e.path().substring(e.path().lastIndexOf(' ') + 1);
    for (String alias : HelpText.aliases(text)) {
      if (!alias.equals(self) && !group.isEmpty()) {
        paths.add(group + " " + alias);
      }
    }
    paths.addAll(e.otherPaths());
    String helpName = e.shortcut().isEmpty() ? e.path() : e.shortcut();
    CommandSpec main = spec(e.path(), paths, helpName, text, arity);
    canonical.put(e.path(), main);
    byTypedPath.put(e.path(), spec(e.path(), paths, e.path(), text, arity));
    List<String> withOwnText = new ArrayList<>(e.otherPaths());
    if (!e.shortcut().isEmpty()) {
      withOwnText.add(e.shortcut());
    }
    for (String p : paths) {
      CommandSpec reached =
          withOwnText.contains(p)
              ? spec(e.path(), paths, p, read(p), arity)
              : byTypedPath.get(e.path());
      byTypedPath.put(p, reached);
    }
  }

  private CommandSpec spec(
      String path, List<String> aliases, String helpName, String text, int[] arity) {
    return new CommandSpec(
        path,
        aliases,
        helpName,
        HelpText.usage(text),
        shortDescriptions.getOrDefault(helpName, HelpText.description(text)),
        text,
        HelpText.flags(text),
        arity[0],
        arity[1],
        !NOT_INTERSPERSED.contains(path));
  }

  /** The declaration of something that is not a command handler: docker itself, groups, help. */
  private static CommandSpec pseudo(String path, String text, boolean interspersed) {
    return new CommandSpec(
        path,
        List.of(),
        path,
        HelpText.usage(text),
        HelpText.description(text),
        text,
        HelpText.flags(text),
        0,
        -1,
        interspersed);
  }

  /** Every declared command under its canonical path, in a stable order. */
  public List<CommandSpec> all() {
    return List.copyOf(canonical.values());
  }

  /**
   * The command a typed path reaches ({@code "ps"}, {@code "container list"}, {@code "rmi"}): the
   * canonical {@link CommandSpec#path()}, with the name, usage and help text the CLI shows for that
   * path ({@code docker container list} is shown as {@code docker container ls}).
   */
  public Optional<CommandSpec> find(String typedPath) {
    return Optional.ofNullable(byTypedPath.get(typedPath));
  }

  /** The declaration of {@code docker} itself: its global options and its help text. */
  public CommandSpec root() {
    return root;
  }

  /** The declaration of {@code docker help}. */
  CommandSpec helpCommand() {
    return helpCommand;
  }

  /** A management group ({@code container}, {@code image}, {@code system}...), with its help. */
  public Optional<CommandSpec> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /**
   * Whether the real docker CLI has this command or group ({@code "events"}, {@code "system df"}),
   * declared here or not: it is listed in the captured help texts.
   */
  public boolean isRealCommand(String path) {
    return realPaths.contains(path) || byTypedPath.containsKey(path);
  }

  private static String read(String path) {
    String resource = "help/" + path.replace(' ', '-') + ".txt";
    try (InputStream in = CommandSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing help resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
