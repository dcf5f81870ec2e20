package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Container;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Ids;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code docker stats} on the sandbox's containers: one sample each (the REPL cannot redraw, so
 * with or without {@code --no-stream} it prints one table), with CPU %, memory, network and block
 * I/O computed from the engine's stats document by the docker CLI's own formulas.
 */
final class RealStats {
  private final RealContext ctx;
  private final RealTargets targets;

  RealStats(RealContext ctx) {
    this.ctx = ctx;
    this.targets = new RealTargets(ctx);
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container stats", this::stats);
    return h;
  }

  /** One container to sample: what the learner called it (the CONTAINER column) and its id. */
  private record Target(String shown, String id) {}

  private int stats(ParsedCommand cmd, CommandIo io) {
    List<Target> chosen = new ArrayList<>();
    if (cmd.args().isEmpty()) {
      for (Container c :
          ctx.client()
              .listContainersCmd()
              .withShowAll(cmd.bool("all"))
              .withLabelFilter(ctx.sandbox().labelFilter())
              .exec()) {
        chosen.add(new Target(Ids.shortId(c.getId()), c.getId()));
      }
    } else {
      // The CLI reports every container it cannot find, and then shows no table at all.
      List<String> errors = new ArrayList<>();
      for (String ref : cmd.args()) {
        try {
          chosen.add(new Target(ref, targets.daemon(ref)));
        } catch (DockerException e) {
          errors.add(e.text());
        }
      }
      if (!errors.isEmpty()) {
        errors.forEach(io::errln);
        return 1;
      }
    }
    // The engine takes about a second per sample (it waits for a second reading to compare CPU
    // time with), so all containers are sampled at once.
    List<CompletableFuture<JsonNode>> samples = new ArrayList<>();
    for (Target t : chosen) {
      samples.add(
          CompletableFuture.supplyAsync(
              () ->
                  ctx.api()
                      .get("/containers/" + t.id() + "/stats?stream=false")
                      .orElseThrow(() -> DockerException.daemon("No such container: " + t.id()))));
    }
    boolean noTrunc = cmd.bool("no-trunc");
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      JsonNode sample;
      try {
        sample = samples.get(i).join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      rows.add(row(chosen.get(i), sample, noTrunc));
    }
    String format = cmd.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format = Listing.STATS.defaultFormat();
    }
    io.out(Listing.STATS.render(format, rows));
    return 0;
  }

  /** One row, the way the CLI's stats formatter fills it from a Linux stats document. */
  static ObjectNode row(Target t, JsonNode s, boolean noTrunc) {
    double cpu = cpuPercent(s);
    double memory = memoryUsage(s.path("memory_stats"));
    double limit = s.path("memory_stats").path("limit").asDouble();
    double memPercent = limit == 0 ? 0 : memory / limit * 100;
    double rx = 0;
    double tx = 0;
    for (JsonNode n : s.path("networks")) {
      rx += n.path("rx_bytes").asDouble();
      tx += n.path("tx_bytes").asDouble();
    }
    double read = 0;
    double write = 0;
    for (JsonNode e : s.path("blkio_stats").path("io_service_bytes_recursive")) {
      String op = e.path("op").asText();
      if (!op.isEmpty() && Character.toLowerCase(op.charAt(0)) == 'r') {
        read += e.path("value").asDouble();
      } else if (!op.isEmpty() && Character.toLowerCase(op.charAt(0)) == 'w') {
        write += e.path("value").asDouble();
      }
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    String id = s.path("id").asText(t.id());
    o.put("Container", t.shown());
    o.put("ID", noTrunc ? id : Ids.shortId(id));
    o.put("Name", s.path("name").asText("").replaceFirst("^/", ""));
    o.put("CPUPerc", String.format(Locale.ROOT, "%.2f%%", cpu));
    o.put("MemUsage", Units.bytesSize(memory) + " / " + Units.bytesSize(limit));
    o.put("MemPerc", String.format(Locale.ROOT, "%.2f%%", memPercent));
    o.put("NetIO", Units.humanSize(rx, 3) + " / " + Units.humanSize(tx, 3));
    o.put("BlockIO", Units.humanSize(read, 3) + " / " + Units.humanSize(write, 3));
    o.put("PIDs", Long.toString(s.path("pids_stats").path("current").asLong()));
    return o;
  }

  /**
   * The CLI's {@code calculateCPUPercentUnix}: the container's CPU time delta over the host's,
   * times the online CPUs, in percent; 0 unless both deltas are positive.
   */
  static double cpuPercent(JsonNode s) {
    JsonNode now = s.path("cpu_stats");
    JsonNode before = s.path("precpu_stats");
    double cpuDelta =
        now.path("cpu_usage").path("total_usage").asDouble()
            - before.path("cpu_usage").path("total_usage").asDouble();
    double systemDelta =
        now.path("system_cpu_usage").asDouble() - before.path("system_cpu_usage").asDouble();
    double online = now.path("online_cpus").asDouble();
    if (online == 0) {
      online = now.path("cpu_usage").path("percpu_usage").size();
    }
    return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100 : 0;
  }

  /**
   * The CLI's {@code calculateMemUsageUnixNoCache}: usage minus the inactive page cache ({@code
   * total_inactive_file} on cgroup v1, {@code inactive_file} on v2) when that is smaller.
   */
  static double memoryUsage(JsonNode mem) {
    long usage = mem.path("usage").asLong();
    JsonNode stats = mem.path("stats");
    if (stats.has("total_inactive_file")) {
      long cache = stats.path("total_inactive_file").asLong();
      if (cache < usage) {
        return usage - cache;
      }
    }
    long cache = stats.path("inactive_file").asLong();
    return cache < usage ? usage - cache : usage;
  }
}
