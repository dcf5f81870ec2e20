package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docker stats}: one sample of each container's CPU and memory use, predicted by {@link
 * CpuModel} from which processes spin, their weights, quotas and pinned cores, and by the memory
 * the processes hold. The simulator prints one sample where the real CLI keeps redrawing, so with
 * or without {@code --no-stream} the answer is a single table.
 */
final class StatsCommand {
  private final Engine engine;

  StatsCommand(Engine engine) {
    this.engine = engine;
  }

  int stats(ParsedCommand cmd, CommandIo io) {
    List<Container> chosen = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (cmd.args().isEmpty()) {
      for (Container c : engine.containers().newestFirst()) {
        if (cmd.bool("all") || c.isRunning()) {
          chosen.add(c);
        }
      }
    } else {
      for (String ref : cmd.args()) {
        ContainerStore.Lookup l = engine.containers().lookup(ref);
        if (l.exists()) {
          chosen.add(l.container().get());
        } else {
          missing.add(ref);
        }
      }
    }
    if (!missing.isEmpty()) {
      // The CLI asks for each container at once, then reports every failure, in argument order.
      List<String> errors = new ArrayList<>();
      for (String ref : missing) {
        errors.add(DockerException.daemon("No such container: " + ref).text());
      }
      throw new DockerException(String.join("\n", errors), 1);
    }
    Map<String, Double> cpu = cpuShares();
    boolean noTrunc = cmd.bool("no-trunc");
    List<ObjectNode> rows = new ArrayList<>();
    for (Container c : chosen) {
      rows.add(row(c, cpu.getOrDefault(c.id, 0.0), noTrunc));
    }
    String format = cmd.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format = Listing.STATS.defaultFormat();
    }
    io.out(Listing.STATS.render(format, rows));
    return 0;
  }

  /** The CPUs each running container gets now, from the scheduler model. */
  Map<String, Double> cpuShares() {
    List<CpuModel.Demand> demands = new ArrayList<>();
    for (Container c : engine.containers().all()) {
      if (c.status == ContainerStatus.RUNNING && c.workload != null) {
        ContainerConfig.Limits l = c.config.limits();
        demands.add(
            new CpuModel.Demand(
                c.id, l.weight(), c.workload.busyProcesses(), l.cpuCap(), l.cpusetCpus()));
      }
    }
    return CpuModel.allocate(demands, engine.host().cpus());
  }

  private ObjectNode row(Container c, double cpus, boolean noTrunc) {
    boolean running = c.status == ContainerStatus.RUNNING || c.status == ContainerStatus.PAUSED;
    long limit =
        c.config.limits().memory() > 0 ? c.config.limits().memory() : engine.host().memoryBytes();
    long used = running && c.workload != null ? c.workload.memoryUsage() : 0;
    int pids = running && c.workload != null ? c.workload.processes().size() : 0;
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("Container", c.name);
    o.put("ID", noTrunc ? c.id : c.shortId());
    o.put("Name", c.name);
    // A container that is not running has no cgroup to read: the daemon sends an empty sample,
    // which the CLI shows as zeros, limit included.
    long shownLimit = running ? limit : 0;
    o.put("CPUPerc", String.format(Locale.ROOT, "%.2f%%", running ? cpus * 100 : 0.0));
    o.put("MemUsage", binary(used) + " / " + binary(shownLimit));
    o.put("MemPerc", String.format(Locale.ROOT, "%.2f%%", running ? 100.0 * used / limit : 0.0));
    o.put("NetIO", "0B / 0B");
    o.put("BlockIO", "0B / 0B");
    o.put("PIDs", Integer.toString(pids));
    return o;
  }

  /** Binary units with four significant digits, as go-units' BytesSize writes them. */
  static String binary(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(4))
            .stripTrailingZeros()
            .toPlainString();
    return s + units[u];
  }
}
