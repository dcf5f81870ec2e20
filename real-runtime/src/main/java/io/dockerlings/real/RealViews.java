package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.command.TopContainerCmd;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.model.ChangeLog;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.format.DockerJson;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TabWriter;
import io.dockerlings.simulator.format.TemplateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only container commands on the sandbox's containers: {@code container inspect}, {@code
 * logs} ({@code --tail}, {@code -t}, {@code --since}, {@code --until}, {@code -f} up to a limit),
 * {@code top} (with ps options), {@code port} and {@code diff}. None of them changes anything on
 * the engine.
 */
final class RealViews {
  private final RealContext ctx;
  private final RealTargets targets;

  RealViews(RealContext ctx) {
    this.ctx = ctx;
    this.targets = new RealTargets(ctx);
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container logs", this::logs);
    h.put("container inspect", this::inspect);
    h.put("container top", this::top);
    h.put("container port", this::port);
    h.put("container diff", this::diff);
    return h;
  }

  private int logs(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    String id = targets.client(ref);
    Instant now = Instant.now();
    LogContainerCmd logs =
        ctx.client()
            .logContainerCmd(id)
            .withStdOut(true)
            .withStdErr(true)
            .withTimestamps(cmd.bool("timestamps"))
            .withFollowStream(cmd.bool("follow"));
    cmd.string("since").ifPresent(s -> logs.withSince(LogTimes.epochSeconds("since", s, now)));
    cmd.string("until").ifPresent(u -> logs.withUntil(LogTimes.epochSeconds("until", u, now)));
    String tail = cmd.string("tail", "all");
    try {
      // The engine reads a --tail it cannot parse, or a negative one, as "all".
      int n = Integer.parseInt(tail);
      if (n >= 0) {
        logs.withTail(n);
      }
    } catch (NumberFormatException all) {
      logs.withTailAll();
    }
    FrameSink sink;
    try {
      sink = logs.exec(new FrameSink());
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
    boolean ended;
    try {
      ended = sink.awaitEnd(RealAttach.LIMIT_SECONDS);
    } catch (RuntimeException e) {
      // The daemon's refusal arrives on the stream, e.g. a container logging with --log-driver
      // none: "configured logging driver does not support reading".
      throw DaemonErrors.of(e);
    }
    sink.copyTo(io);
    if (!ended) {
      io.errln(
          ctx.notes().get("logs.stoppedFollowing", ref, String.valueOf(RealAttach.LIMIT_SECONDS)));
    }
    return 0;
  }

  /** {@code docker container inspect}: containers only, so a miss is a missing container. */
  private int inspect(ParsedCommand cmd, CommandIo io) {
    List<JsonNode> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int exit = 0;
    for (String ref : cmd.args()) {
      try {
        String id = targets.client(ref);
        ctx.container(id).ifPresent(found::add);
      } catch (DockerException e) {
        errors.add(e.text());
        exit = 1;
      }
    }
    String format = cmd.string("format", "");
    if (format.isEmpty()) {
      io.out(DockerJson.inspect(found));
    } else {
      GoTemplate template;
      try {
        template = GoTemplate.parse(format);
      } catch (TemplateException e) {
        throw new DockerException("template parsing error: " + e.getMessage(), 64);
      }
      for (JsonNode doc : found) {
        try {
          io.outln(template.execute(doc));
        } catch (TemplateException e) {
          // The CLI words a failed execution as it words a failed parse, and exits 64.
          errors.add("template parsing error: " + e.getMessage());
          exit = 64;
        }
      }
      if (found.isEmpty()) {
        // The CLI still writes its (empty) result line when nothing matched.
        io.outln("");
      }
    }
    errors.forEach(io::errln);
    return exit;
  }

  private int top(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    targets.daemon(ref);
    TopContainerCmd top = ctx.client().topContainerCmd(ref);
    List<String> psArgs = cmd.args().subList(1, cmd.args().size());
    if (!psArgs.isEmpty()) {
      top.withPsArgs(String.join(" ", psArgs));
    }
    TopContainerResponse answer;
    try {
      answer = top.exec();
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
    StringBuilder table = new StringBuilder(String.join("\t", answer.getTitles())).append('\n');
    for (String[] process : answer.getProcesses()) {
      table.append(String.join("\t", process)).append('\n');
    }
    // The CLI's writer: cells at least 20 wide, 3 spaces of padding.
    io.out(TabWriter.of(20, 3).format(table));
    return 0;
  }

  private int port(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    String id = targets.client(ref);
    JsonNode ports =
        ctx.container(id)
            .orElseThrow(() -> DockerException.client("No such container: " + ref))
            .path("NetworkSettings")
            .path("Ports");
    if (cmd.args().size() > 1) {
      String want = cmd.args().get(1);
      String key = want.contains("/") && !want.endsWith("/") ? want : want + "/tcp";
      JsonNode frontends = ports.path(key);
      if (!frontends.isArray()) {
        throw new DockerException("Error: No public port '" + key + "' published for " + ref, 1);
      }
      for (JsonNode f : frontends) {
        io.outln(f.path("HostIp").asText() + ":" + f.path("HostPort").asText());
      }
      return 0;
    }
    // The CLI walks a Go map, in no fixed order; by port, IPv4 before IPv6, keeps it stable.
    record Line(String key, int port, boolean v6, String text) {}
    List<Line> lines = new ArrayList<>();
    ports
        .properties()
        .forEach(
            e -> {
              int port = Integer.parseInt(e.getKey().replaceAll("/.*$", ""));
              for (JsonNode f : e.getValue()) {
                String ip = f.path("HostIp").asText();
                lines.add(
                    new Line(
                        e.getKey(),
                        port,
                        ip.contains(":"),
                        e.getKey() + " -> " + ip + ":" + f.path("HostPort").asText()));
              }
            });
    lines.sort(
        Comparator.comparingInt(Line::port).thenComparing(Line::key).thenComparing(Line::v6));
    lines.forEach(l -> io.outln(l.text()));
    return 0;
  }

  private int diff(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    targets.daemon(ref);
    List<ChangeLog> changes;
    try {
      changes = ctx.client().containerDiffCmd(ref).exec();
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
    for (ChangeLog c : changes == null ? List.<ChangeLog>of() : changes) {
      String kind =
          switch (c.getKind()) {
            case 0 -> "C";
            case 1 -> "A";
            case 2 -> "D";
            default -> "?";
          };
      io.outln(kind + " " + c.getPath());
    }
    return 0;
  }
}
