package io.dockerlings.real;

import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker container prune} limited to the sandbox: the engine's own prune would remove every
 * stopped container on a shared engine, so this removes the sandbox's stopped containers one by one
 * and reports them as the CLI does (the question first unless {@code -f}; then the deleted ids and
 * the space reclaimed).
 */
final class RealPrune {
  private final RealContext ctx;

  RealPrune(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container prune", this::prune);
    return h;
  }

  private int prune(ParsedCommand cmd, CommandIo io) {
    if (!cmd.bool("force")) {
      io.out(
          "WARNING! This will remove all stopped containers.\n"
              + "Are you sure you want to continue? [y/N] ");
      String answer = io.stdin().lines().findFirst().orElse("").strip();
      if (!answer.equalsIgnoreCase("y")) {
        io.outln("Total reclaimed space: 0B");
        return 0;
      }
    }
    List<String> labels = new ArrayList<>(ctx.sandbox().labelFilter());
    for (String f : cmd.list("filter")) {
      if (f.startsWith("label=")) {
        labels.add(f.substring("label=".length()));
      } else {
        throw DockerException.daemon("Invalid filter '" + f.replaceFirst("=.*", "") + "'");
      }
    }
    ListContainersCmd list =
        ctx.client()
            .listContainersCmd()
            .withShowAll(true)
            .withShowSize(true)
            .withStatusFilter(List.of("created", "exited", "dead"));
    list.getFilters().put("label", labels);
    List<String> deleted = new ArrayList<>();
    long reclaimed = 0;
    for (Container c : list.exec()) {
      try {
        ctx.client().removeContainerCmd(c.getId()).exec();
        deleted.add(c.getId());
        reclaimed += c.getSizeRw() == null ? 0 : c.getSizeRw();
      } catch (NotFoundException gone) {
        // Removed meanwhile: nothing to reclaim.
      }
    }
    if (!deleted.isEmpty()) {
      io.outln("Deleted Containers:");
      deleted.forEach(io::outln);
      io.outln("");
    }
    io.outln("Total reclaimed space: " + Units.humanSize(reclaimed));
    return 0;
  }
}
