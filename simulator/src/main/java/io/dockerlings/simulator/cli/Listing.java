package io.dockerlings.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TemplateException;
import io.dockerlings.simulator.format.TemplateOptions;
import java.util.List;
import java.util.Map;

/**
 * The docker CLI's list outputs ({@code ps}, {@code images}, {@code history}, {@code network ls},
 * {@code volume ls}, {@code stats}): each one's default table, Go context type, column headers and
 * template-error wording. Any engine that fills rows with the CLI's field names renders them here,
 * so the simulator and a real engine print through the same code.
 */
public enum Listing {
  PS(
      "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}",
      "*formatter.ContainerContext",
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
          Map.entry("LocalVolumes", "LOCAL VOLUMES")),
      "failed to parse template: ",
      "failed to execute template: ",
      1),
  IMAGES(
      "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}",
      "*formatter.imageContext",
      Map.of(
          "ID", "IMAGE ID",
          "Repository", "REPOSITORY",
          "Tag", "TAG",
          "Digest", "DIGEST",
          "CreatedSince", "CREATED",
          "CreatedAt", "CREATED AT",
          "Size", "SIZE",
          "Containers", "CONTAINERS",
          "SharedSize", "SHARED SIZE",
          "UniqueSize", "UNIQUE SIZE"),
      "template parsing error: ",
      "template parsing error: ",
      1),
  HISTORY(
      "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}",
      "*image.historyContext",
      Map.of(
          "ID", "IMAGE",
          "CreatedSince", "CREATED",
          "CreatedAt", "CREATED AT",
          "CreatedBy", "CREATED BY",
          "Size", "SIZE",
          "Comment", "COMMENT"),
      "template parsing error: ",
      "template parsing error: ",
      1),
  NETWORKS(
      "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}",
      "*network.networkContext",
      Map.of("ID", "NETWORK ID", "Name", "NAME", "Driver", "DRIVER", "Scope", "SCOPE"),
      "template parsing error: ",
      "template parsing error: ",
      1),
  VOLUMES(
      "table {{.Driver}}\t{{.Name}}",
      "*formatter.volumeContext",
      Map.of(
          "Driver", "DRIVER", "Name", "VOLUME NAME", "Mountpoint", "MOUNTPOINT", "Scope", "SCOPE"),
      "template parsing error: ",
      "template parsing error: ",
      1),
  STATS(
      "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}",
      "*formatter.containerStatsContext",
      Map.of(
          "Container", "CONTAINER",
          "ID", "CONTAINER ID",
          "Name", "NAME",
          "CPUPerc", "CPU %",
          "MemUsage", "MEM USAGE / LIMIT",
          "MemPerc", "MEM %",
          "NetIO", "NET I/O",
          "BlockIO", "BLOCK I/O",
          "PIDs", "PIDS"),
      "failed to parse template: ",
      "failed to execute template: ",
      1);

  private final String defaultFormat;
  private final String goType;
  private final Map<String, String> headers;
  private final String parsePrefix;
  private final String execPrefix;
  private final int parseExit;

  Listing(
      String defaultFormat,
      String goType,
      Map<String, String> headers,
      String parsePrefix,
      String execPrefix,
      int parseExit) {
    this.defaultFormat = defaultFormat;
    this.goType = goType;
    this.headers = headers;
    this.parsePrefix = parsePrefix;
    this.execPrefix = execPrefix;
    this.parseExit = parseExit;
  }

  /** The table the CLI prints when no {@code --format} is given. */
  public String defaultFormat() {
    return defaultFormat;
  }

  /** The column headers of {@code table} formats, by field name. */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Rows through a list format: the default table when {@code format} is empty or {@code table}, a
   * table with headers when it starts with {@code table}, otherwise one template run per row.
   *
   * @throws DockerException worded as this command words template errors
   */
  public String render(String format, List<? extends JsonNode> rows) {
    String f =
        format == null || format.isEmpty() || format.equals("table") ? defaultFormat : format;
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    headers.forEach(header::put);
    TemplateOptions options = TemplateOptions.context(goType);
    if (this == PS) {
      options = options.withMethod("Label", new TemplateOptions.Method(1, Listing::label));
    }
    try {
      return GoTemplate.formatList(f, rows, options, TemplateOptions.header(), header);
    } catch (TemplateException e) {
      throw e.isParseError()
          ? new DockerException(parsePrefix + e.getMessage(), parseExit)
          : new DockerException(execPrefix + e.getMessage(), 1);
    }
  }

  /** ps's {@code .Label "key"}: one label's value from the row's {@code key=value,...} list. */
  private static JsonNode label(JsonNode row, List<JsonNode> args) {
    String key = args.get(0).asText();
    for (String pair : row.path("Labels").asText().split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return TextNode.valueOf(pair.substring(eq + 1));
      }
    }
    return TextNode.valueOf("");
  }
}
