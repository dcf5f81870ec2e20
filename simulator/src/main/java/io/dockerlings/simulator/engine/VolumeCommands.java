package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker volume create|ls|inspect|rm|prune}, with the engine's in-use rules. */
final class VolumeCommands {
  private final Engine engine;

  VolumeCommands(Engine engine) {
    this.engine = engine;
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

  private int create(ParsedCommand cmd, CommandIo io) {
    String name =
        cmd.args().isEmpty() ? cmd.string("name", engine.ids().next()) : cmd.args().get(0);
    Map<String, String> labels = new LinkedHashMap<>();
    for (String l : cmd.list("label")) {
      int eq = l.indexOf('=');
      labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
    }
    String driver = cmd.string("driver", "local");
    if (!driver.equals("local")) {
      // The engine looks for a volume plugin of that name, for 15 s, and finds none.
      throw DockerException.daemon(
          "create "
              + name
              + ": error looking up volume plugin "
              + driver
              + ": plugin \""
              + driver
              + "\" not found");
    }
    try {
      engine.volumes().create(name, cmd.args().isEmpty() && !cmd.isSet("name"), labels);
    } catch (Failure f) {
      throw DockerException.daemon(f.getMessage());
    }
    io.outln(name);
    return 0;
  }

  /** Containers (ids) that mount the volume. */
  private List<String> users(String name) {
    List<String> out = new ArrayList<>();
    for (Container c : engine.containers().all()) {
      if (c.config.mounts().stream()
          .anyMatch(m -> m.type().equals("volume") && m.name().equals(name))) {
        out.add(c.id);
      }
    }
    return out;
  }

  private int list(ParsedCommand cmd, CommandIo io) {
    boolean dangling = cmd.list("filter").contains("dangling=true");
    for (String f : cmd.list("filter")) {
      if (!f.startsWith("name=")
          && !f.startsWith("dangling=")
          && !f.startsWith("driver=")
          && !f.startsWith("label=")) {
        throw DockerException.daemon("Invalid filter '" + f.split("=")[0] + "'");
      }
    }
    ObjectVerbs.NameFilter names = ObjectVerbs.NameFilter.of(cmd.list("filter"));
    List<String> ids = new ArrayList<>();
    List<ObjectNode> rows = new ArrayList<>();
    for (Volumes.Volume v : engine.volumes().all()) {
      if (dangling && !users(v.name()).isEmpty()) {
        continue;
      }
      if (!names.matches(v.name())) {
        continue;
      }
      ids.add(v.name());
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("Driver", "local");
      o.put("Name", v.name());
      o.put("Mountpoint", v.mountpoint());
      o.put("Scope", "local");
      rows.add(o);
    }
    return ObjectVerbs.printList(cmd, io, Listing.VOLUMES, ids, rows);
  }

  JsonNode json(Volumes.Volume v) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("CreatedAt", ContainerJson.time(v.created()).replaceAll("\\.\\d+Z$", "Z"));
    o.put("Driver", "local");
    ObjectNode labels = o.putObject("Labels");
    v.labels().forEach(labels::put);
    o.put("Mountpoint", v.mountpoint());
    o.put("Name", v.name());
    o.putObject("Options");
    o.put("Scope", "local");
    return o;
  }

  private int inspect(ParsedCommand cmd, CommandIo io) {
    // The CLI marshals the typed volume itself here, so < > & come out escaped.
    return ObjectVerbs.printInspect(
        cmd, io, "volume", name -> engine.volumes().find(name).map(this::json), true);
  }

  private int remove(ParsedCommand cmd, CommandIo io) {
    int status = 0;
    for (String name : cmd.args()) {
      if (engine.volumes().find(name).isEmpty()) {
        io.errln("Error: No such volume: " + name);
        status = 1;
        continue;
      }
      List<String> users = users(name);
      if (!users.isEmpty() && !cmd.bool("force")) {
        io.errln("Error response from daemon: remove " + name + ": volume is in use - " + users);
        status = 1;
        continue;
      }
      engine.volumes().remove(name);
      io.outln(name);
    }
    return status;
  }

  private int prune(ParsedCommand cmd, CommandIo io) {
    PruneFilter filter =
        PruneFilter.parse(cmd.list("filter"), engine.lifecycle().now(), java.util.Set.of());
    if (!ObjectVerbs.pruneConfirmed(
        cmd, io, "This will remove all local volumes not used by at least one container.")) {
      io.outln("Total reclaimed space: 0B");
      return 0;
    }
    long[] space = {0};
    ObjectVerbs.printPruned(io, "Deleted Volumes:", pruneUnused(filter, space));
    io.outln("Total reclaimed space: " + Units.humanSize(space[0], 4));
    return 0;
  }

  /**
   * Removes the volumes no container mounts that pass the filter; their names. Adds the bytes they
   * held to {@code space[0]}.
   */
  List<String> pruneUnused(PruneFilter filter, long[] space) {
    List<String> deleted = new ArrayList<>();
    for (Volumes.Volume v : engine.volumes().all()) {
      if (users(v.name()).isEmpty() && filter.matches(v.labels(), v.created())) {
        space[0] += v.data().upperSize();
        engine.volumes().remove(v.name());
        deleted.add(v.name());
      }
    }
    return deleted;
  }

  /** Removes a removed container's anonymous volumes that nothing else mounts ({@code rm -v}). */
  void removeAnonymous(Container c) {
    for (Volumes.Mount m : c.config.mounts()) {
      Optional<Volumes.Volume> v = engine.volumes().find(m.name());
      if (m.type().equals("volume")
          && v.isPresent()
          && v.get().anonymous()
          && users(m.name()).isEmpty()) {
        engine.volumes().remove(m.name());
      }
    }
  }
}
