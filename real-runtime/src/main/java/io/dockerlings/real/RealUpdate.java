package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker update} on the sandbox's own containers: the flags become one update request, sent
 * to each container in turn, and the engine's refusals are printed as the CLI prints them.
 */
final class RealUpdate {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RealContext ctx;
  private final RealTargets targets;

  RealUpdate(RealContext ctx) {
    this.ctx = ctx;
    this.targets = new RealTargets(ctx);
  }

  Map<String, CommandHandler> handlers() {
    return Map.of("container update", this::update);
  }

  private int update(ParsedCommand cmd, CommandIo io) {
    ObjectNode body = request(cmd);
    if (body.isEmpty()) {
      throw new DockerException("you must provide one or more flags when using this command", 1);
    }
    String text = body.toString();
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String ref : cmd.args()) {
      try {
        String id = targets.daemon(ref);
        JsonNode answer = ctx.api().post("/containers/" + id + "/update", text);
        answer.path("Warnings").forEach(w -> warnings.add(w.asText()));
        io.outln(ref);
      } catch (DockerException e) {
        errors.add(e.text());
      }
    }
    if (!warnings.isEmpty()) {
      io.outln(String.join("\n", warnings));
    }
    if (!errors.isEmpty()) {
      throw new DockerException(String.join("\n", errors), 1);
    }
    return 0;
  }

  /** The update request's body: only the fields the flags set, as the CLI sends them. */
  private static ObjectNode request(ParsedCommand cmd) {
    ObjectNode b = JSON.createObjectNode();
    cmd.string("cpu-shares").ifPresent(v -> b.put("CpuShares", number(cmd, "cpu-shares", v)));
    cmd.string("cpu-quota").ifPresent(v -> b.put("CpuQuota", number(cmd, "cpu-quota", v)));
    cmd.string("cpu-period").ifPresent(v -> b.put("CpuPeriod", number(cmd, "cpu-period", v)));
    cmd.string("cpuset-cpus").ifPresent(v -> b.put("CpusetCpus", v));
    cmd.string("cpus")
        .ifPresent(
            v -> {
              try {
                b.put("NanoCpus", new BigDecimal(v).movePointRight(9).longValueExact());
              } catch (ArithmeticException | NumberFormatException e) {
                throw flagError(cmd, "cpus", v, "failed to parse " + v + " as a rational number");
              }
            });
    cmd.string("memory").ifPresent(v -> b.put("Memory", bytes(cmd, "memory", v)));
    cmd.string("memory-swap")
        .ifPresent(v -> b.put("MemorySwap", v.equals("-1") ? -1L : bytes(cmd, "memory-swap", v)));
    cmd.string("restart")
        .filter(v -> !v.isEmpty())
        .ifPresent(
            v -> {
              String[] parts = v.split(":", 2);
              ObjectNode policy = b.putObject("RestartPolicy");
              policy.put("Name", parts[0]);
              policy.put(
                  "MaximumRetryCount", parts.length == 2 ? number(cmd, "restart", parts[1]) : 0);
            });
    return b;
  }

  private static long number(ParsedCommand cmd, String flag, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw flagError(cmd, flag, v, "strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
    }
  }

  private static long bytes(ParsedCommand cmd, String flag, String v) {
    try {
      return Units.ramInBytes(v);
    } catch (IllegalArgumentException e) {
      throw flagError(cmd, flag, v, e.getMessage());
    }
  }

  private static DockerException flagError(ParsedCommand cmd, String flag, String v, String why) {
    return new DockerException(
        "invalid argument \""
            + v
            + "\" for \"--"
            + flag
            + "\" flag: "
            + why
            + "\nSee 'docker "
            + cmd.helpName()
            + " --help'.",
        125);
  }
}
