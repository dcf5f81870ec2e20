package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import io.dockerlings.simulator.format.DockerJson;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TemplateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code volume} commands on a real engine. Volumes it creates carry the sandbox's labels; it
 * lists, inspects, removes and prunes only those, and refuses the names of volumes it did not make.
 */
final class RealVolumes {
  private final RealContext ctx;

  RealVolumes(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("volume create", this::create);
    h.put("volume ls", this::list);
    h.put("volume inspect", this::inspect);
    h.put("volume rm", this::remove);
    h.put("volume prune", this::prune);
    return h;
  }

  /** What {@code docker inspect} may show of a volume: the sandbox's own, refused otherwise. */
  Optional<JsonNode> inspectable(String name) {
    return owned(name);
  }

  /** The volume's document when it exists; a refusal when it is not the sandbox's. */
  private Optional<JsonNode> owned(String name) {
    Optional<JsonNode> doc = ctx.api().get("/volumes/" + EngineApi.escape(name));
    if (doc.isPresent()
        && !ctx.sandbox().owns(RealContext.labels(doc.get().path("Labels")))
        && !ctx.sandbox().ownsVolume(name)
        && !mounted().contains(name)) {
      throw ctx.notOurs("volume", name);
    }
    return doc;
  }

  /**
   * The volumes the sandbox's containers mount: their anonymous volumes carry no labels (the engine
   * makes them), yet they belong to the session as long as their container does.
   */
  private Set<String> mounted() {
    Set<String> names = new LinkedHashSet<>();
    String filter =
        EngineApi.escape(
            "{\"label\":[\"" + ctx.sandbox().labelFilter().get(0).replace("\"", "") + "\"]}");
    for (JsonNode c : ctx.api().call("GET", "/containers/json?all=1&filters=" + filter)) {
      for (JsonNode m : c.path("Mounts")) {
        if (m.path("Type").asText().equals("volume")) {
          names.add(m.path("Name").asText());
        }
      }
    }
    return names;
  }

  private int create(ParsedCommand cmd, CommandIo io) {
    String name = cmd.args().isEmpty() ? cmd.string("name", "") : cmd.args().get(0);
    if (!name.isEmpty()) {
      owned(name);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("Name", name);
    body.put("Driver", cmd.string("driver", "local"));
    body.set("DriverOpts", Prune.pairs(cmd.list("opt")));
    ObjectNode labels = Prune.pairs(cmd.list("label"));
    ctx.sandbox().labels().forEach(labels::put);
    body.set("Labels", labels);
    List<JsonNode> answer = new ArrayList<>();
    ctx.api().stream("POST", "/volumes/create", Prune.jsonHeader(), Prune.body(body), answer::add);
    io.outln(answer.get(0).path("Name").asText());
    return 0;
  }

  private int list(ParsedCommand cmd, CommandIo io) {
    ObjectNode filters = Prune.filters(cmd, ctx.sandbox().labelFilter());
    JsonNode answer =
        ctx.api().call("GET", "/volumes?filters=" + EngineApi.escape(filters.toString()));
    List<JsonNode> volumes = new ArrayList<>();
    answer.path("Volumes").forEach(volumes::add);
    Set<String> listed = new LinkedHashSet<>();
    volumes.forEach(v -> listed.add(v.path("Name").asText()));
    Set<String> mounted = mounted();
    mounted.removeAll(listed);
    if (!mounted.isEmpty()) {
      // The learner's filters alone, so that they apply to those volumes as well.
      ObjectNode userFilters = Prune.filters(cmd, List.of());
      ctx.api()
          .call("GET", "/volumes?filters=" + EngineApi.escape(userFilters.toString()))
          .path("Volumes")
          .forEach(
              v -> {
                if (mounted.contains(v.path("Name").asText())) {
                  volumes.add(v);
                }
              });
    }
    volumes.sort(Comparator.comparing(v -> v.path("Name").asText()));
    if (cmd.bool("quiet")) {
      volumes.forEach(v -> io.outln(v.path("Name").asText()));
      return 0;
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode v : volumes) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("Driver", v.path("Driver").asText());
      o.put("Name", v.path("Name").asText());
      o.put("Mountpoint", v.path("Mountpoint").asText());
      o.put("Scope", v.path("Scope").asText());
      List<String> labels = new ArrayList<>();
      v.path("Labels")
          .properties()
          .forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
      o.put("Labels", String.join(",", labels));
      o.put("Links", "N/A");
      o.put("Size", "N/A");
      rows.add(o);
    }
    io.out(Listing.VOLUMES.render(cmd.string("format", ""), rows));
    return 0;
  }

  private int inspect(ParsedCommand cmd, CommandIo io) {
    List<JsonNode> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String name : cmd.args()) {
      try {
        owned(name).ifPresentOrElse(found::add, () -> errors.add("Error: No such volume: " + name));
      } catch (DockerException e) {
        errors.add(e.text());
      }
    }
    print(cmd, found, io);
    errors.forEach(io::errln);
    return errors.isEmpty() ? 0 : 1;
  }

  /** Inspect documents as the CLI prints them: indented JSON, or one template run each. */
  static void print(ParsedCommand cmd, List<JsonNode> found, CommandIo io) {
    Optional<String> format = cmd.string("format").filter(f -> !f.isEmpty());
    if (format.isEmpty()) {
      io.out(DockerJson.inspect(found, true));
      return;
    }
    try {
      GoTemplate template = GoTemplate.parse(format.get());
      for (JsonNode d : found) {
        io.outln(template.execute(d));
      }
    } catch (TemplateException e) {
      throw new DockerException("template parsing error: " + e.getMessage(), 64);
    }
  }

  private int remove(ParsedCommand cmd, CommandIo io) {
    int exit = 0;
    for (String name : cmd.args()) {
      try {
        if (owned(name).isEmpty()) {
          throw DockerException.client("No such volume: " + name);
        }
        ctx.api()
            .call(
                "DELETE",
                "/volumes/" + EngineApi.escape(name) + "?force=" + (cmd.bool("force") ? 1 : 0));
        io.outln(name);
      } catch (DockerException e) {
        io.errln(e.text());
        exit = 1;
      }
    }
    return exit;
  }

  private int prune(ParsedCommand cmd, CommandIo io) {
    if (!Prune.confirmed(
        cmd, io, "This will remove all local volumes not used by at least one container.")) {
      return 0;
    }
    ObjectNode filters = Prune.filters(cmd, ctx.sandbox().labelFilter());
    JsonNode answer =
        ctx.api().call("POST", "/volumes/prune?filters=" + EngineApi.escape(filters.toString()));
    List<String> deleted = new ArrayList<>();
    answer.path("VolumesDeleted").forEach(v -> deleted.add(v.asText()));
    if (!deleted.isEmpty()) {
      io.outln("Deleted Volumes:");
      deleted.forEach(io::outln);
      io.outln("");
    }
    io.outln("Total reclaimed space: " + Units.humanSize(answer.path("SpaceReclaimed").asLong()));
    return 0;
  }
}
