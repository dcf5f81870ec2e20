package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.format.GoQuote;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * {@code docker ps}: filters, {@code -a -q -n -l -s --no-trunc}, and the default table or a {@code
 * --format} template over the same row fields the docker CLI offers.
 */
final class PsCommand {
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

  private final Engine engine;

  PsCommand(Engine engine) {
    this.engine = engine;
  }

  int ps(ParsedCommand cmd, CommandIo io) {
    List<Filter> filters = new ArrayList<>();
    for (String f : cmd.list("filter")) {
      filters.add(Filter.parse(f));
    }
    for (Filter f : filters) {
      f.check(engine);
    }
    boolean all = cmd.bool("all");
    int last = -1;
    if (cmd.isSet("last")) {
      // The flag parser has checked the value (and refused what is not a number).
      last = cmd.intValue("last", 0);
    }
    if (cmd.bool("latest")) {
      last = 1;
    }
    if (last > 0) {
      all = true;
    }
    List<Container> rows = new ArrayList<>();
    boolean statusFiltered = filters.stream().anyMatch(f -> f.key.equals("status"));
    for (Container c : engine.containers().newestFirst()) {
      if (last > 0 && rows.size() >= last) {
        break;
      }
      boolean running = c.isRunning();
      if (!all && !running && !statusFiltered) {
        continue;
      }
      if (matchesAll(filters, c)) {
        rows.add(c);
      }
    }
    boolean noTrunc = cmd.bool("no-trunc");
    if (cmd.bool("quiet") && cmd.string("format", "").isEmpty()) {
      StringBuilder ids = new StringBuilder(rows.size() * 13);
      for (Container c : rows) {
        ids.append(noTrunc ? c.id : c.shortId()).append('\n');
      }
      io.out(ids.toString());
      return 0;
    }
    String format = cmd.string("format", "");
    Instant now = engine.lifecycle().now();
    Map<ImageKey, String> imageColumns = new HashMap<>();
    if (format.isEmpty() || format.equals("table")) {
      // The default table needs no template run: the cells go straight to the tab writer,
      // which keeps ps fast over thousands of containers.
      boolean size = cmd.bool("size");
      Map<List<String>, String> commands = new HashMap<>();
      StringBuilder table =
          new StringBuilder("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES");
      table.append(size ? "\tSIZE\n" : "\n");
      for (Container c : rows) {
        table
            .append(noTrunc ? c.id : c.shortId())
            .append('\t')
            .append(imageColumn(c, noTrunc, imageColumns))
            .append('\t')
            .append(commands.computeIfAbsent(c.config.command(), k -> command(c, noTrunc)))
            .append('\t')
            .append(Text.ago(Duration.between(c.created, now)))
            .append('\t')
            .append(status(c, now))
            .append('\t')
            .append(portsColumn(c))
            .append('\t')
            .append(c.name);
        if (size) {
          table.append('\t').append(size(c));
        }
        table.append('\n');
      }
      io.out(Formats.tabular(table.toString(), 10));
      return 0;
    }
    List<ObjectNode> data = new ArrayList<>();
    boolean sized = readsSize(format);
    for (Container c : rows) {
      data.add(row(c, now, noTrunc, imageColumns, sized));
    }
    io.out(Listing.PS.render(format, data));
    return 0;
  }

  /** The IMAGE cell, once per name and image in one listing: the strings keep their hashes. */
  private record ImageKey(String typed, String id) {}

  private String imageColumn(Container c, boolean noTrunc, Map<ImageKey, String> cache) {
    return cache.computeIfAbsent(
        new ImageKey(c.config.image(), c.imageId), k -> engine.imageColumn(c, noTrunc));
  }

  /**
   * The PORTS cell. The engine reads ports from the container's network sandbox, which exists only
   * while it runs: a created or exited container shows none, even its published ones.
   */
  private static String portsColumn(Container c) {
    return c.isRunning() ? Ports.display(c.published, c.config.exposedPorts()) : "";
  }

  private static String command(Container c, boolean noTrunc) {
    // The daemon lists the command with arguments that contain a space in single quotes.
    StringBuilder b = new StringBuilder();
    List<String> argv = c.config.command();
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (i > 0) {
        b.append(' ');
      }
      b.append(i > 0 && a.contains(" ") ? "'" + a + "'" : a);
    }
    String command = b.toString();
    return GoQuote.quote(noTrunc ? command : Text.ellipsis(command, 20));
  }

  private String size(Container c) {
    long upper = c.files.upperSize();
    return Text.size(upper) + " (virtual " + Text.size(upper + engine.imageSize(c.imageId)) + ")";
  }

  /**
   * Whether a {@code --format} template can read a row's Size, which costs a walk of the
   * container's changed files: it names the field, or prints a whole row ({@code json .}, {@code
   * .}).
   */
  static boolean readsSize(String format) {
    return format.contains("Size")
        || format.contains("json")
        || java.util.regex.Pattern.compile("\\.(?![A-Za-z_])").matcher(format).find();
  }

  private ObjectNode row(
      Container c, Instant now, boolean noTrunc, Map<ImageKey, String> images, boolean sized) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ID", noTrunc ? c.id : c.shortId());
    o.put("Image", imageColumn(c, noTrunc, images));
    o.put("Command", command(c, noTrunc));
    o.put("CreatedAt", CREATED_AT.format(c.created));
    o.put("RunningFor", Text.ago(Duration.between(c.created, now)));
    o.put("Ports", portsColumn(c));
    o.put("State", c.status.label());
    o.put("Status", status(c, now));
    o.put("Size", sized ? size(c) : "");
    o.put("Names", c.name);
    o.put(
        "Labels",
        c.config.labels().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",")));
    o.put("Mounts", "");
    List<String> nets = new ArrayList<>(List.of(c.config.networkName()));
    nets.addAll(c.extraNetworks);
    o.put("Networks", String.join(",", nets));
    o.put("LocalVolumes", "0");
    return o;
  }

  /** Filters with the same key match if any matches; different keys must all match. */
  private boolean matchesAll(List<Filter> filters, Container c) {
    Map<String, Boolean> byKey = new HashMap<>();
    for (Filter f : filters) {
      byKey.merge(f.key, f.matches(c, engine), Boolean::logicalOr);
    }
    return !byKey.containsValue(false);
  }

  /** The STATUS column: {@code Up 2 seconds}, {@code Exited (0) 5 seconds ago}... */
  static String status(Container c, Instant now) {
    return switch (c.status) {
      case CREATED -> "Created";
      case RUNNING -> "Up " + Text.duration(Duration.between(c.startedAt, now));
      case PAUSED -> "Up " + Text.duration(Duration.between(c.startedAt, now)) + " (Paused)";
      case RESTARTING ->
          "Restarting (" + c.exitCode + ") " + Text.ago(Duration.between(c.finishedAt, now));
      case EXITED ->
          c.finishedAt.equals(Container.ZERO_TIME)
              ? "Created"
              : "Exited (" + c.exitCode + ") " + Text.ago(Duration.between(c.finishedAt, now));
      case REMOVING -> "Removal In Progress";
      case DEAD -> "Dead";
    };
  }

  /** One {@code --filter key=value}. */
  private record Filter(String key, String value) {
    static Filter parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw DockerException.daemon("Invalid filter '" + text + "'");
      }
      String key = text.substring(0, eq).toLowerCase(java.util.Locale.ROOT);
      String value = text.substring(eq + 1);
      switch (key) {
        case "status" -> {
          boolean known =
              List.of("created", "restarting", "running", "removing", "paused", "exited", "dead")
                  .contains(value);
          if (!known) {
            throw DockerException.daemon("Invalid filter 'status=" + value + "'");
          }
        }
        case "name",
            "id",
            "label",
            "exited",
            "ancestor",
            "before",
            "since",
            "network",
            "publish",
            "expose",
            "volume",
            "health",
            "isolation",
            "is-task" -> {
          // accepted keys
        }
        default -> throw DockerException.daemon("Invalid filter '" + key + "'");
      }
      return new Filter(key, value);
    }

    /** The daemon's checks of the values, with its words (Go's number parsers among them). */
    void check(Engine engine) {
      switch (key) {
        case "exited" -> goInt(value);
        case "health" -> {
          if (!List.of("starting", "healthy", "unhealthy", "none").contains(value)) {
            throw DockerException.daemon("Unrecognised filter value for health: " + value);
          }
        }
        case "is-task" -> {
          if (!List.of("true", "1", "false", "0").contains(value.toLowerCase(Locale.ROOT))) {
            throw DockerException.daemon("Invalid filter 'is-task=[" + value + "]'");
          }
        }
        case "before", "since" -> reference(engine);
        case "publish", "expose" -> {
          String port = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
          for (String end : port.split("-", 2)) {
            String problem = goUint16(end);
            if (!problem.isEmpty()) {
              throw DockerException.daemon(
                  "error while looking up for "
                      + key
                      + " "
                      + value
                      + ": strconv.ParseUint: parsing \""
                      + end
                      + "\": "
                      + problem);
            }
          }
        }
        default -> {
          // the other keys take any value
        }
      }
    }

    private Container reference(Engine engine) {
      return engine
          .containers()
          .lookup(value)
          .container()
          .orElseThrow(() -> DockerException.daemon("no such container " + value));
    }

    /** Go's strconv.Atoi on a 64-bit machine, with its error. */
    private static long goInt(String text) {
      if (!text.matches("[-+]?\\d+")) {
        throw DockerException.daemon("strconv.Atoi: parsing \"" + text + "\": invalid syntax");
      }
      try {
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      } catch (NumberFormatException e) {
        throw DockerException.daemon("strconv.Atoi: parsing \"" + text + "\": value out of range");
      }
    }

    /** What Go's strconv.ParseUint(text, 10, 16) objects to, or "" when it takes the text. */
    private static String goUint16(String text) {
      if (!text.matches("\\d+")) {
        return "invalid syntax";
      }
      return text.length() > 5 || Integer.parseInt(text) > 65535 ? "value out of range" : "";
    }

    boolean matches(Container c, Engine engine) {
      return switch (key) {
        case "status" -> c.status.label().equals(value);
        case "name" -> {
          // The daemon tries the name with and without its leading slash; a pattern that does
          // not compile matches nothing.
          try {
            Pattern p = Pattern.compile(value);
            yield p.matcher("/" + c.name).find() || p.matcher(c.name).find();
          } catch (PatternSyntaxException e) {
            yield false;
          }
        }
        case "id" -> c.id.startsWith(value);
        case "label" -> {
          int eq = value.indexOf('=');
          yield eq < 0
              ? c.config.labels().containsKey(value)
              : value.substring(eq + 1).equals(c.config.labels().get(value.substring(0, eq)));
        }
        case "exited" -> c.status == ContainerStatus.EXITED && c.exitCode == goInt(value);
        case "before" -> c.sequence < reference(engine).sequence;
        case "since" -> c.sequence > reference(engine).sequence;
        case "is-task" ->
            // No container here belongs to a swarm task.
            value.equalsIgnoreCase("false") || value.equals("0");
        case "ancestor" -> engine.isAncestor(c, value);
        case "health" -> value.equals("none"); // no container here has a healthcheck
        default -> true;
      };
    }
  }
}
