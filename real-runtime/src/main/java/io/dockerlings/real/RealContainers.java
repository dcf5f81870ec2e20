package io.dockerlings.real;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.ContainerPort;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Ids;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.PortsColumn;
import io.dockerlings.simulator.cli.Units;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container commands on a real engine: {@code run}, {@code create} and {@code ps} here, and the
 * rest of the family ({@link RealLifecycle}, {@link RealExec}, {@link RealViews}, {@link
 * RealStats}, {@link RealCommit}) registered with them. They act only on the sandbox's own
 * containers and print through the simulator's list formats.
 */
final class RealContainers {
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

  private final RealContext ctx;

  RealContainers(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container run", this::run);
    h.put("container create", this::create);
    h.put("container ls", this::ps);
    h.putAll(new RealLifecycle(ctx).handlers());
    h.putAll(new RealExec(ctx).handlers());
    h.putAll(new RealViews(ctx).handlers());
    h.putAll(new RealStats(ctx).handlers());
    h.putAll(new RealCommit(ctx).handlers());
    h.putAll(new RealCopy(ctx).handlers());
    h.putAll(new RealPrune(ctx).handlers());
    return h;
  }

  private DockerClient client() {
    return ctx.client();
  }

  private int create(ParsedCommand cmd, CommandIo io) {
    String id = createContainer(cmd, RunSpec.parse(cmd, p -> ctx.file(p).toString()), io);
    io.outln(id);
    return 0;
  }

  private int run(ParsedCommand cmd, CommandIo io) {
    RunSpec spec = RunSpec.parse(cmd, p -> ctx.file(p).toString());
    // -t alone works without a terminal (the output just ends its lines with \r\n), and so does
    // -itd; -it in the foreground gets the learner's terminal.
    if (cmd.bool("tty") && cmd.bool("interactive") && !spec.detach) {
      io.requireTerminal(true, true);
      String id = createContainer(cmd, spec, io);
      RealTerminal terminal = RealTerminal.attach(ctx, id, RealTerminal.Kind.RUN, spec.autoRemove);
      try {
        client().startContainerCmd(id).exec();
      } catch (RuntimeException e) {
        terminal.end();
        throw startFailed(e, !spec.autoRemove);
      }
      io.openSession(terminal);
      return 0;
    }
    String id = createContainer(cmd, spec, io);
    Runnable start =
        () -> {
          try {
            client().startContainerCmd(id).exec();
          } catch (RuntimeException e) {
            throw startFailed(e, !spec.detach && !spec.autoRemove);
          }
        };
    try {
      if (spec.detach) {
        // The CLI prints the id before it starts the container, so a failed start shows both.
        io.outln(id);
        start.run();
        return 0;
      }
      byte[] stdin = cmd.bool("interactive") ? io.stdinBytes() : null;
      boolean sigProxy = !cmd.string("sig-proxy").map("false"::equals).orElse(false);
      return new RealAttach(ctx).follow(id, start, stdin, io, sigProxy);
    } finally {
      if (spec.autoRemove && !spec.detach) {
        removeQuietly(id);
      }
    }
  }

  private void removeQuietly(String id) {
    try {
      client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // Removed already (the engine's own --rm, or a concurrent rm).
    }
  }

  /**
   * What the CLI prints when the container does not start: the daemon's message after {@code
   * docker: }, a period, no help hint; after an attached run without --rm also the error its wait
   * gets when cancelled. The status says why: 127 not found, 126 not executable, 125 anything else.
   */
  static DockerException startFailed(RuntimeException e, boolean attached) {
    String m = DaemonErrors.message(e);
    int status = 125;
    if (m.contains("executable file not found") || m.contains("no such file or directory")) {
      status = 127;
    } else if (m.contains("permission denied") || m.contains("is a directory")) {
      status = 126;
    }
    String text = "docker: Error response from daemon: " + m + (m.endsWith(".") ? "" : ".");
    if (attached) {
      text +=
          "\ntime=\""
              + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + "\" level=error msg=\"error waiting for container: context canceled\"";
    }
    return new DockerException(text, status);
  }

  /** Creates the container, pulling its image first as the CLI does when it is missing. */
  private String createContainer(ParsedCommand cmd, RunSpec spec, CommandIo io) {
    if (!spec.image.contains("@")) {
      try {
        RealCommit.Reference.parse(spec.image);
      } catch (DockerException e) {
        // The CLI's own check of the name: create prints it bare, run adds its usual frame.
        throw isRun(cmd)
            ? new DockerException(
                "docker: " + e.text() + ".\nSee 'docker " + cmd.helpName() + " --help'.", 125)
            : e;
      }
    }
    ctx.guard().check(cmd, ctx.notes());
    JoinGuard.check(ctx, cmd, spec.namedVolumes);
    for (String volume : spec.namedVolumes) {
      if (ctx.api().get("/volumes/" + EngineApi.escape(volume)).isEmpty()) {
        client().createVolumeCmd().withName(volume).withLabels(ctx.sandbox().labels()).exec();
      }
    }
    try {
      return tryCreate(cmd, spec);
    } catch (NotFoundException missing) {
      if (!DaemonErrors.message(missing).startsWith("No such image")) {
        throw refused(cmd, missing);
      }
      io.errln("Unable to find image '" + withTag(spec.image) + "' locally");
      try {
        ctx.images().pull(spec.image, io);
      } catch (DockerException e) {
        if (!isRun(cmd)) {
          throw e;
        }
        throw new DockerException(
            "docker: "
                + e.text().replaceFirst("\\.?$", ".")
                + "\nSee 'docker "
                + cmd.helpName()
                + " --help'.",
            125);
      }
      return tryCreate(cmd, spec);
    }
  }

  /** Puts the container's anonymous volumes in the ledger, so that cleanup finds them. */
  private void recordAnonymousVolumes(String id) {
    ctx.container(id)
        .ifPresent(
            doc -> {
              for (var m : doc.path("Mounts")) {
                String name = m.path("Name").asText("");
                if (m.path("Type").asText().equals("volume") && name.matches("[0-9a-f]{64}")) {
                  ctx.sandbox().recordVolume(name);
                }
              }
            });
  }

  private String tryCreate(ParsedCommand cmd, RunSpec spec) {
    try (CreateContainerCmd create = client().createContainerCmd(spec.image)) {
      CreateContainerResponse r = spec.fill(create, ctx.sandbox().labels()).exec();
      recordAnonymousVolumes(r.getId());
      return r.getId();
    } catch (NotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      throw refused(cmd, e);
    }
  }

  private static boolean isRun(ParsedCommand cmd) {
    return cmd.path().equals("container run");
  }

  /**
   * The engine's refusal to create: {@code run} words it {@code docker: ...} with the help hint and
   * exit 125; {@code create} prints the daemon's plain message and exits 1.
   */
  private static DockerException refused(ParsedCommand cmd, RuntimeException e) {
    return isRun(cmd) ? DaemonErrors.forRun(e, cmd.helpName()) : DaemonErrors.of(e);
  }

  static String withTag(String image) {
    int slash = image.lastIndexOf('/');
    return image.indexOf(':', slash + 1) < 0 && !image.contains("@") ? image + ":latest" : image;
  }

  private int ps(ParsedCommand cmd, CommandIo io) {
    ListContainersCmd list =
        client().listContainersCmd().withLabelFilter(ctx.sandbox().labelFilter());
    boolean all = cmd.bool("all");
    if (cmd.isSet("last")) {
      list.withLimit(Integer.parseInt(cmd.string("last", "-1")));
      all = true;
    }
    if (cmd.bool("latest")) {
      list.withLimit(1);
      all = true;
    }
    // As the CLI: a format that shows .Size (or the whole row as JSON) asks the engine for sizes.
    String wanted = cmd.string("format", "");
    list.withShowAll(all)
        .withShowSize(cmd.bool("size") || wanted.contains("Size") || wanted.contains("json"));
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String f : cmd.list("filter")) {
      int eq = f.indexOf('=');
      if (eq < 0) {
        throw new DockerException("Error: Bad format of filter (expected name=value)", 125);
      }
      filters.computeIfAbsent(f.substring(0, eq), k -> new ArrayList<>()).add(f.substring(eq + 1));
    }
    // The sandbox's label filter stays: a learner's own label filters narrow it, never replace it.
    filters.computeIfAbsent("label", k -> new ArrayList<>()).addAll(ctx.sandbox().labelFilter());
    filters.forEach((k, v) -> list.getFilters().put(k, v));
    List<Container> found;
    try {
      found = list.exec();
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
    boolean noTrunc = cmd.bool("no-trunc");
    String format = cmd.string("format", "");
    if (cmd.bool("quiet") && format.isEmpty()) {
      for (Container c : found) {
        io.outln(noTrunc ? c.getId() : Ids.shortId(c.getId()));
      }
      return 0;
    }
    if ((format.isEmpty() || format.equals("table")) && cmd.bool("size")) {
      format = Listing.PS.defaultFormat() + "\t{{.Size}}";
    }
    Instant now = Instant.now();
    List<ObjectNode> rows = new ArrayList<>();
    for (Container c : found) {
      rows.add(row(c, now, noTrunc));
    }
    io.out(Listing.PS.render(format, rows));
    return 0;
  }

  private static ObjectNode row(Container c, Instant now, boolean noTrunc) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ID", noTrunc ? c.getId() : Ids.shortId(c.getId()));
    String image = c.getImage();
    o.put("Image", !noTrunc && image.startsWith("sha256:") ? Ids.shortId(image) : image);
    o.put("Command", Ids.psCommand(c.getCommand(), noTrunc));
    Instant created = Instant.ofEpochSecond(c.getCreated());
    o.put("CreatedAt", CREATED_AT.format(created));
    o.put("RunningFor", Units.ago(created, now));
    o.put("Ports", ports(c.getPorts()));
    o.put("State", c.getState());
    o.put("Status", c.getStatus());
    long rw = c.getSizeRw() == null ? 0 : c.getSizeRw();
    long root = c.getSizeRootFs() == null ? 0 : c.getSizeRootFs();
    o.put("Size", Units.humanSize(rw) + " (virtual " + Units.humanSize(root) + ")");
    List<String> names = new ArrayList<>();
    for (String n : c.getNames()) {
      String bare = n.substring(1);
      if (!bare.contains("/")) {
        names.add(bare);
      }
    }
    o.put("Names", String.join(",", names));
    List<String> labels = new ArrayList<>();
    // The sandbox's own labels are bookkeeping, not the learner's: they stay out of view.
    c.getLabels().entrySet().stream()
        .filter(l -> !l.getKey().startsWith("io.dockerlings."))
        .sorted(Map.Entry.comparingByKey())
        .forEach(l -> labels.add(l.getKey() + "=" + l.getValue()));
    o.put("Labels", String.join(",", labels));
    // As the CLI's container formatter: volume names or bind sources, cut to 15 columns unless
    // --no-trunc; network names sorted; LocalVolumes counts mounts of the local driver.
    List<String> mounts = new ArrayList<>();
    int local = 0;
    for (ContainerMount m : c.getMounts() == null ? List.<ContainerMount>of() : c.getMounts()) {
      String name = m.getName() == null || m.getName().isEmpty() ? m.getSource() : m.getName();
      mounts.add(noTrunc ? name : Ids.ellipsis(name, 15));
      local += "local".equals(m.getDriver()) ? 1 : 0;
    }
    o.put("Mounts", String.join(",", mounts));
    List<String> networks =
        c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null
            ? new ArrayList<>()
            : new ArrayList<>(c.getNetworkSettings().getNetworks().keySet());
    networks.sort(null);
    o.put("Networks", String.join(",", networks));
    o.put("LocalVolumes", Integer.toString(local));
    return o;
  }

  /**
   * The PORTS cell: {@code 0.0.0.0:8080->80/tcp, :::8080->80/tcp}, unpublished ports as {@code
   * 80/tcp}.
   */
  static String ports(ContainerPort[] ports) {
    List<PortsColumn.Port> list = new ArrayList<>();
    for (ContainerPort p : ports == null ? new ContainerPort[0] : ports) {
      list.add(
          new PortsColumn.Port(
              p.getIp() == null ? "" : p.getIp(),
              p.getPrivatePort() == null ? 0 : p.getPrivatePort(),
              p.getPublicPort() == null ? 0 : p.getPublicPort(),
              p.getType() == null ? "tcp" : p.getType()));
    }
    return PortsColumn.of(list);
  }
}
