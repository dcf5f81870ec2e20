package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * {@code docker ps}: filters, {@code -a -q -n -l -s --no-trunc}, and the default table or a {@code
 * --format} template over the same row fields the docker CLI offers.
 */
final class PsCommand {
  static final String DEFAULT_FORMAT =
      "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

  static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("ID", "CONTAINER ID"),
          Map.entry("Image", "IMAGE"),
          Map.entry("Command", "COMMAND"),
          Map.entry("CreatedAt", "CREATED AT"),
          Map.entry("RunningFor", "CREATED"),
          Map.entry("Ports", "PORTS"),
          Map.entry("State", "STATE"),
          Map.entry("Status", "STATUS"),
          Map.entry("Size", "SIZE"),
          Map.entry("Names", "NAMES"),
          Map.entry("Labels", "LABELS"),
          Map.entry("Mounts", "MOUNTS"),
          Map.entry("Networks", "NETWORKS"),
          Map.entry("LocalVolumes", "LOCAL VOLUMES"));

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
    boolean all = cmd.bool("all");
    int last = -1;
    if (cmd.isSet("last")) {
      last = parseInt(cmd, "last", "-n, --last");
    }
    if (cmd.bool("latest")) {
      last = 1;
    }
    if (last > 0) {
      all = true;
    }
    List<Container> rows = new ArrayList<>();
    for (Container c : engine.containers().newestFirst()) {
      if (last > 0 && rows.size() >= last) {
        break;
      }
      boolean running = c.isRunning();
      boolean statusFiltered = filters.stream().anyMatch(f -> f.key.equals("status"));
      if (!all && !running && !statusFiltered) {
        continue;
      }
      if (filters.stream().allMatch(f -> f.matches(c, engine))) {
        rows.add(c);
      }
    }
    boolean noTrunc = cmd.bool("no-trunc");
    if (cmd.bool("quiet")) {
      for (Container c : rows) {
        io.outln(noTrunc ? c.id : c.shortId());
      }
      return 0;
    }
    String format = cmd.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format = DEFAULT_FORMAT + (cmd.bool("size") ? "\t{{.Size}}" : "");
    }
    List<ObjectNode> data = new ArrayList<>();
    Instant now = engine.lifecycle().now();
    for (Container c : rows) {
      data.add(row(c, now, noTrunc));
    }
    io.out(Formats.render(format, "*formatter.ContainerContext", HEADERS, data));
    return 0;
  }

  private static int parseInt(ParsedCommand cmd, String flag, String shown) {
    String v = cmd.string(flag, "0");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new DockerException(
          "invalid argument \""
              + v
              + "\" for \""
              + shown
              + "\" flag: strconv.ParseInt: parsing \""
              + v
              + "\": invalid syntax\nSee 'docker "
              + cmd.helpName()
              + " --help'.",
          125);
    }
  }

  private ObjectNode row(Container c, Instant now, boolean noTrunc) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ID", noTrunc ? c.id : c.shortId());
    o.put("Image", engine.imageColumn(c, noTrunc));
    String command = String.join(" ", c.config.command());
    o.put("Command", GoQuote.quote(noTrunc ? command : Text.ellipsis(command, 20)));
    o.put("CreatedAt", CREATED_AT.format(c.created));
    o.put("RunningFor", Text.ago(Duration.between(c.created, now)));
    o.put("Ports", Ports.display(c.published, c.config.exposedPorts()));
    o.put("State", c.status.label());
    o.put("Status", status(c, now));
    o.put(
        "Size",
        Text.size(c.files.upperSize())
            + " (virtual "
            + Text.size(c.files.upperSize() + engine.imageSize(c.imageId))
            + ")");
    o.put("Names", c.name);
    o.put(
        "Labels",
        c.config.labels().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",")));
    o.put("Mounts", "");
    o.put("Networks", c.config.networkMode().equals("default") ? "bridge" : c.config.networkMode());
    o.put("LocalVolumes", "0");
    return o;
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

    boolean matches(Container c, Engine engine) {
      return switch (key) {
        case "status" -> c.status.label().equals(value);
        case "name" -> {
          try {
            yield Pattern.compile(value).matcher(c.name).find();
          } catch (PatternSyntaxException e) {
            yield c.name.contains(value);
          }
        }
        case "id" -> c.id.startsWith(value);
        case "label" -> {
          int eq = value.indexOf('=');
          yield eq < 0
              ? c.config.labels().containsKey(value)
              : value.substring(eq + 1).equals(c.config.labels().get(value.substring(0, eq)));
        }
        case "exited" ->
            c.status == ContainerStatus.EXITED && Integer.toString(c.exitCode).equals(value);
        case "ancestor" -> engine.isAncestor(c, value);
        default -> true;
      };
    }
  }
}
