package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only container commands: {@code inspect}, {@code logs}, {@code top}, {@code port} and
 * {@code diff}. None of them changes the engine.
 */
final class InspectCommands {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Engine engine;
  private final Targets targets;

  InspectCommands(Engine engine) {
    this.engine = engine;
    this.targets = new Targets(engine.containers());
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("inspect", (cmd, io) -> inspect(cmd, io, cmd.string("type", "")));
    h.put("container inspect", (cmd, io) -> inspect(cmd, io, "container"));
    h.put("container logs", this::logs);
    h.put("container top", this::top);
    h.put("container port", this::port);
    h.put("container diff", this::diff);
    return h;
  }

  private int inspect(ParsedCommand cmd, CommandIo io, String type) {
    if (!type.isEmpty() && !List.of("container", "image", "network", "volume").contains(type)) {
      throw new DockerException("\"" + type + "\" is not a valid value for --type", 1);
    }
    // Without --type the CLI tries each kind in its order: container, image, network, volume.
    return ObjectVerbs.printInspect(
        cmd,
        io,
        ref -> find(ref, type, cmd.bool("size"), io),
        ref -> "Error: No such " + (type.isEmpty() ? "object" : type) + ": " + ref,
        false);
  }

  /**
   * The first object of an allowed kind named {@code ref}. With {@code --size} a container gets its
   * sizes; any other kind found gets the CLI's warning at once, before the errors at the end.
   */
  private Optional<JsonNode> find(String ref, String type, boolean size, CommandIo io) {
    if (type.isEmpty() || type.equals("container")) {
      ContainerStore.Lookup l = engine.containers().lookup(ref);
      if (l.exists()) {
        Container c = l.container().get();
        ObjectNode doc = ContainerJson.of(c, engine);
        return Optional.of(size ? withSizes(doc, c) : doc);
      }
    }
    Map<String, java.util.function.Function<String, Optional<JsonNode>>> others =
        new LinkedHashMap<>();
    others.put("image", engine::imageJson);
    others.put("network", engine::networkJson);
    others.put("volume", engine::volumeJson);
    for (Map.Entry<String, java.util.function.Function<String, Optional<JsonNode>>> kind :
        others.entrySet()) {
      if (type.isEmpty() || type.equals(kind.getKey())) {
        Optional<JsonNode> doc = kind.getValue().apply(ref);
        if (doc.isPresent()) {
          if (size) {
            io.errln("WARNING: --size ignored for " + kind.getKey());
          }
          return doc;
        }
      }
    }
    return Optional.empty();
  }

  /** The document with SizeRw and SizeRootFs after GraphDriver, where the daemon puts them. */
  private ObjectNode withSizes(ObjectNode doc, Container c) {
    long upper = c.files.upperSize();
    ObjectNode out = doc.objectNode();
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      out.set(e.getKey(), e.getValue());
      if (e.getKey().equals("GraphDriver")) {
        out.put("SizeRw", upper);
        out.put("SizeRootFs", upper + engine.imageSize(c.imageId));
      }
    }
    return out;
  }

  private int logs(ParsedCommand cmd, CommandIo io) {
    Container c = targets.clientRequire(cmd.args().get(0));
    if (!RunOptions.readsBack(c.logDriver, c.logOptions)) {
      throw DockerException.daemon("configured logging driver does not support reading");
    }
    List<LogBuffer.Entry> entries = c.logs.entries();
    String tail = cmd.string("tail", "all");
    if (!tail.equals("all")) {
      try {
        int n = Integer.parseInt(tail);
        if (n >= 0 && n < entries.size()) {
          entries = entries.subList(entries.size() - n, entries.size());
        }
      } catch (NumberFormatException e) {
        // The engine reads an unparsable --tail as "all".
      }
    }
    // An empty value is no bound at all: the CLI sends nothing.
    Optional<Instant> since =
        cmd.string("since")
            .filter(s -> !s.isEmpty())
            .map(s -> Times.parse(s, "since", engine.lifecycle().now()));
    Optional<Instant> until =
        cmd.string("until")
            .filter(s -> !s.isEmpty())
            .map(s -> Times.parse(s, "until", engine.lifecycle().now()));
    boolean stamps = cmd.bool("timestamps");
    boolean details = cmd.bool("details");
    for (LogBuffer.Entry e : entries) {
      if (since.isPresent() && e.time().isBefore(since.get())) {
        continue;
      }
      if (until.isPresent() && e.time().isAfter(until.get())) {
        continue;
      }
      // --details puts the log attributes first; none are configured here, so only their space.
      String line = details ? " " + e.text() : e.text();
      line = stamps ? LOG_TIME.format(e.time()) + " " + line : line;
      if (e.stderr() && !c.config.tty()) {
        io.err(line);
      } else {
        io.out(c.config.tty() ? Tty.onlcr(line) : line);
      }
    }
    return 0;
  }

  private int top(ParsedCommand cmd, CommandIo io) {
    Container c = targets.daemonRequire(cmd.args().get(0));
    if (c.workload == null || c.status == ContainerStatus.RESTARTING) {
      throw DockerException.daemon("Container " + c.id + " is not running");
    }
    Instant now = engine.lifecycle().now();
    List<PsTable.Proc> procs = new ArrayList<>();
    for (Workload.Proc p : c.workload.processes()) {
      procs.add(
          new PsTable.Proc(
              p.hostPid(),
              p.ppid(),
              p.uid(),
              p.user(),
              p.started(),
              p.command(),
              c.workload.busy() && p.pid() == 1,
              c.config.tty()));
    }
    // Without options the daemon runs ps -ef.
    List<String> psArgs =
        cmd.args().size() > 1 ? cmd.args().subList(1, cmd.args().size()) : List.of("-ef");
    StringBuilder table = new StringBuilder();
    for (List<String> row : PsTable.top(psArgs, procs, now)) {
      table.append(String.join("\t", row)).append('\n');
    }
    io.out(Formats.tabular(table.toString(), 20));
    return 0;
  }

  private int port(ParsedCommand cmd, CommandIo io) {
    Container c = targets.clientRequire(cmd.args().get(0));
    List<Ports.Published> published = new ArrayList<>(c.published);
    if (cmd.args().size() > 1) {
      String want = cmd.args().get(1);
      String key = want.contains("/") ? want : want + "/tcp";
      List<Ports.Published> match = published.stream().filter(p -> p.key().equals(key)).toList();
      if (match.isEmpty()) {
        throw DockerException.client(
            "No public port '" + key + "' published for " + cmd.args().get(0));
      }
      for (Ports.Published p : match) {
        io.outln(hostAddress(p));
      }
      return 0;
    }
    published.sort(
        java.util.Comparator.comparingInt(Ports.Published::containerPort)
            .thenComparing(p -> p.hostIp().contains(":")));
    for (Ports.Published p : published) {
      io.outln(p.key() + " -> " + hostAddress(p));
    }
    return 0;
  }

  private static String hostAddress(Ports.Published p) {
    return p.hostIp() + ":" + p.hostPort();
  }

  private int diff(ParsedCommand cmd, CommandIo io) {
    Container c = targets.daemonRequire(cmd.args().get(0));
    for (String line : c.files.diffLines()) {
      io.outln(line);
    }
    return 0;
  }
}
