package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.notes.Notes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The in-memory Docker engine: owns every store (containers, images, networks, ports), the
 * simulated clock and the docker CLI bound to them. One instance per learner.
 */
public final class Engine {
  private final Undo undo = new Undo();
  private final RewindableRandom random;
  private final HostSpec host;
  private final SimClock clock;
  private final Ids ids;
  private final NameGenerator names;
  private final ContainerStore containers = new ContainerStore();
  private final Networks networks;
  private final Ports ports = new Ports();
  private final Volumes volumes;
  private NetworkCommands networkCommands;
  private VolumeCommands volumeCommands;
  private final Lifecycle lifecycle;
  private final Images images;
  private final Sessions sessions;
  private final HostFiles hostFiles;
  private final Cli cli;
  private final String engineId;
  private final java.time.Clock fileClock;
  private int nextHostPid = 4_000;
  private Notes notes;
  private long sequence;

  /** Builds an engine holding only {@code busybox:latest}. */
  public Engine(SimulatorOptions options) {
    this.notes = Notes.of(options.language());
    RewindableRandom random = new RewindableRandom(options.seed());
    this.random = random;
    this.host = options.host();
    this.clock = new SimClock(options.clock());
    this.ids = new Ids(random);
    this.names = new NameGenerator(random);
    this.networks = new Networks(ids, options.clock().instant().minusSeconds(60));
    this.images = new Images(this, options.clock());
    this.volumes =
        new Volumes(
            new FileClock(),
            HostShell.baseLayer(options.host(), options.clock().instant()),
            options.workspace());
    this.hostFiles = new HostFiles(volumes.host(), options.workspace().maxFileBytes());
    this.sessions = new Sessions(this);
    this.lifecycle = new Lifecycle(clock, containers, networks, ports, sessions, ids);
    this.cli = new Cli(this);
    this.engineId = engineIdFrom(random);
    this.fileClock = new FileClock();
    cli.bind(handlers());
    containers.journal(undo);
    ports.journal(undo);
    networks.journal(undo);
    volumes.journal(undo);
  }

  private Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    RunCommand run = new RunCommand(this);
    volumeCommands = new VolumeCommands(this);
    h.putAll(volumeCommands.handlers());
    networkCommands = new NetworkCommands(this);
    h.putAll(networkCommands.handlers());
    h.put("container run", run::run);
    h.put("container create", run::create);
    h.put("container ls", new PsCommand(this)::ps);
    h.putAll(new LifecycleCommands(lifecycle, containers, run, volumeCommands).handlers());
    h.putAll(new InspectCommands(this).handlers());
    h.put("container cp", new CopyCommand(this)::cp);
    h.put("container stats", new StatsCommand(this)::stats);
    h.put("container update", new UpdateCommand(this)::update);
    h.put("image build", new BuildCommand(this)::build);
    h.putAll(new PackagingCommands(this).handlers());
    h.putAll(new ExecCommands(this).handlers());
    h.putAll(images.handlers());
    h.putAll(new PruneCommands(this, volumeCommands, networkCommands).handlers());
    return h;
  }

  /** Runs one command line (argv[0] = docker) after bringing every container up to now. */
  public CommandResult execute(List<String> argv, String stdin) {
    return execute(argv, stdin, true);
  }

  /**
   * Runs one docker command; {@code stdinTerminal} false means its stdin is a pipe or a file (a
   * host line such as {@code echo hi | docker run -it busybox cat}).
   */
  public CommandResult execute(List<String> argv, String stdin, boolean stdinTerminal) {
    return execute(argv, new io.dockerlings.simulator.cli.CommandIo(stdin, stdinTerminal));
  }

  /**
   * Runs one docker command typed at a live terminal: a foreground run that outlasts the bounded
   * look is handed back as a session that follows it in real time ({@link
   * io.dockerlings.simulator.cli.CommandIo#followLive}).
   */
  public CommandResult executeFollowing(List<String> argv, String stdin) {
    return execute(argv, new io.dockerlings.simulator.cli.CommandIo(stdin, true).followLive());
  }

  private CommandResult execute(List<String> argv, io.dockerlings.simulator.cli.CommandIo io) {
    if (ExecLimits.tooLong(argv)) {
      // execve(2) refuses the client before it starts: E2BIG, reported by the learner's shell.
      return CommandResult.of(126, "", "sh: docker: Argument list too long\n");
    }
    lifecycle.sync();
    if (daemonDown
        && argv.size() > 1
        && !argv.get(1).startsWith("-")
        && !argv.get(1).equals("help")
        && !argv.contains("--help")) {
      return CommandResult.of(
          1,
          "",
          "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker"
              + " daemon running?\n");
    }
    return undo.guard(() -> cli.execute(argv, io));
  }

  public List<String> commandNames() {
    return cli.commandNames();
  }

  public List<String> flagNames(String commandWords) {
    return cli.flagNames(commandWords);
  }

  public List<String> containerNames() {
    List<String> out = new ArrayList<>();
    for (Container c : containers.newestFirst()) {
      out.add(c.name);
    }
    return out;
  }

  public List<String> imageNames() {
    return images.names();
  }

  public HostSpec host() {
    return host;
  }

  /** The host kernel's highest capability number, which bounds what a container can hold. */
  int lastCap() {
    return Privileges.lastCap(host.kernelRelease());
  }

  /** The daemon's ID as {@code docker info} shows it: twelve groups of four. */
  private static String engineIdFrom(Random random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder b = new StringBuilder();
    for (int g = 0; g < 12; g++) {
      if (g > 0) {
        b.append(':');
      }
      for (int i = 0; i < 4; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return b.toString();
  }

  /**
   * Name resolution inside a container: addresses as they are, {@code /etc/hosts}, then on
   * user-defined networks the embedded DNS, which knows every container there by name and id.
   */
  Optional<String> resolve(Container from, String name) {
    if (name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
      return Optional.of(name);
    }
    try {
      String hosts =
          new String(from.files.view().read("/etc/hosts"), java.nio.charset.StandardCharsets.UTF_8);
      for (String line : hosts.split("\n")) {
        String[] f = line.trim().split("\\s+");
        for (int i = 1; i < f.length; i++) {
          if (f[i].equals(name) && f[0].contains(".")) {
            return Optional.of(f[0]);
          }
        }
      }
    } catch (RuntimeException e) {
      // no hosts file: go on to DNS
    }
    for (String net : from.endpoints.keySet()) {
      boolean user = networks.find(net).map(n -> !n.builtIn).orElse(false);
      if (!user) {
        continue;
      }
      for (Container c : containers.all()) {
        Network.Endpoint ep = c.endpoints.get(net);
        if (ep != null && (c.name.equals(name) || c.id.startsWith(name) && name.length() >= 12)) {
          return Optional.of(ep.ipAddress());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code ip} answers from {@code from}: itself, a gateway, or a peer on a shared network.
   */
  boolean reachable(Container from, String ip) {
    if (ip.startsWith("127.")) {
      return true;
    }
    for (Network.Endpoint mine : from.endpoints.values()) {
      if (mine.gateway().equals(ip)) {
        return true;
      }
      for (Container c : containers.all()) {
        Network.Endpoint theirs = c.endpoints.get(mine.network());
        if (theirs != null && theirs.ipAddress().equals(ip)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A temporary container for a build's RUN step, from an intermediate image. */
  Container buildContainer(Image image, List<String> argv, Map<String, String> buildArgs) {
    String id = ids.next();
    List<String> env = new ArrayList<>(image.config().env());
    buildArgs.forEach((k, v) -> env.add(k + "=" + v));
    ContainerConfig config =
        new ContainerConfig(
            image.id(),
            Ids.shortId(id),
            "",
            image.config().user(),
            false,
            false,
            false,
            true,
            true,
            env,
            Optional.of(argv),
            Optional.empty(),
            image.config().workingDir(),
            new java.util.TreeMap<>(),
            new java.util.TreeSet<>(),
            Optional.empty(),
            Optional.empty(),
            false,
            RestartPolicy.NO,
            List.of(),
            false,
            "default",
            Privileges.NONE,
            ContainerConfig.Limits.NONE,
            List.of(),
            "",
            ContainerConfig.Isolation.NONE,
            new java.util.TreeSet<>(),
            List.of(),
            List.of());
    Container c =
        new Container(
            id,
            names.next(containers::nameTaken),
            lifecycle.now(),
            config,
            image.id(),
            ContainerFiles.create(image.layers(), this, config),
            nextSequence());
    containers.add(c);
    c.files.mountProc(new ProcFs(c, namespacesFor(config), lastCap(), host));
    c.files.mountCgroup(new CgroupFs(c, host.cpus()));
    return c;
  }

  private long nextNamespace = 4026532180L;

  /**
   * The container whose network namespace {@code c} uses: its donor with {@code --net container:X}.
   */
  Container netOwner(Container c) {
    return ContainerConfig.Isolation.donor(c.config.networkMode())
        .flatMap(ref -> containers.lookup(ref).container())
        .orElse(c);
  }

  /** The host's processes, as {@code --pid host} shows them. */
  List<io.dockerlings.simulator.sh.ContainerFacts.ProcessRow> hostProcesses() {
    return hostShell.processes();
  }

  /** New namespaces for a container, numbered as the kernel hands out inode numbers. */
  Namespaces namespacesFor(ContainerConfig config) {
    Namespaces ns = Namespaces.create(nextNamespace, config);
    nextNamespace += 5;
    return ns;
  }

  /** Images a private registry holds that the local store may have dropped, by id. */
  private final Map<String, Image> registryImages = new java.util.HashMap<>();

  private final Registries registries = new Registries(this);
  private final StateReads reads = new StateReads(this);
  private final Http http = new Http(this);
  private final HostShell hostShell = new HostShell(this);
  private DaemonConfig daemonConfig = DaemonConfig.DEFAULT;
  private boolean daemonDown;
  private boolean daemonFailed;

  /** The host's files and current directory, where the CLI's paths resolve. */
  HostFiles hostFiles() {
    return hostFiles;
  }

  /** Where a host line sends docker's binary stdout ({@code save > f}); null for the terminal. */
  private java.util.function.Consumer<byte[]> binaryOut;

  /** What a host line gives docker as binary stdin ({@code load < f}); null when nothing. */
  private byte[] binaryIn;

  /** Runs {@code body} with docker's stdout and stdin redirected by a host line. */
  <T> T withHostStreams(
      java.util.function.Consumer<byte[]> out, byte[] in, java.util.function.Supplier<T> body) {
    java.util.function.Consumer<byte[]> savedOut = binaryOut;
    byte[] savedIn = binaryIn;
    binaryOut = out;
    binaryIn = in;
    try {
      return body.get();
    } finally {
      binaryOut = savedOut;
      binaryIn = savedIn;
    }
  }

  /** Docker's stdout when it is not the terminal: a file or a pipe of a host line. */
  Optional<java.util.function.Consumer<byte[]>> binaryOut() {
    return Optional.ofNullable(binaryOut);
  }

  /** Docker's stdin when a host line redirects it from a file or pipes into it. */
  Optional<byte[]> binaryIn() {
    return Optional.ofNullable(binaryIn);
  }

  /** The simulated host shell's current directory. */
  public String hostCwd() {
    return hostFiles.cwd();
  }

  /**
   * Copies a real file or directory the learner named into the simulated host ({@code
   * import-file}); bounded by the disk and the single-file size.
   */
  public void importFile(java.nio.file.Path real, String hostPath) throws java.io.IOException {
    HostImport.copy(real, hostFiles, hostFiles.resolve(hostPath));
  }

  /** The real path behind a host path that lies in the workspace. */
  public Optional<java.nio.file.Path> realPath(String hostPath) {
    String p = hostFiles.resolve(hostPath);
    String home = io.dockerlings.simulator.Workspace.HOME;
    if (volumes.workspace().isEmpty() || !(p.equals(home) || p.startsWith(home + "/"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(volumes.workspace().get().realPath(p.substring(home.length()), true));
    } catch (io.dockerlings.simulator.fs.FsException e) {
      return Optional.empty();
    }
  }

  /** Runs a command in the simulated host's shell (the machine the engine runs on). */
  public io.dockerlings.simulator.CommandResult hostCommand(String line) {
    lifecycle.sync();
    return undo.guard(
        () -> {
          undo.record(scalars());
          return hostShell.run(line, Optional.empty());
        });
  }

  /** A host line whose docker commands {@code docker} carries out (a real engine's CLI). */
  public io.dockerlings.simulator.CommandResult hostCommand(
      String line, io.dockerlings.simulator.HostDocker docker) {
    lifecycle.sync();
    return undo.guard(
        () -> {
          undo.record(scalars());
          return hostShell.run(line, Optional.of(docker));
        });
  }

  /**
   * Runs a docker command's handler as one step of the undo journal: when it faults half-way (any
   * throwable but docker's own answer) what it changed is taken back, then the fault goes on to the
   * command boundary.
   */
  int guarded(
      io.dockerlings.simulator.cli.CommandHandler handler,
      io.dockerlings.simulator.cli.ParsedCommand command,
      io.dockerlings.simulator.cli.CommandIo io) {
    return undo.guard(
        () -> {
          undo.record(scalars());
          return handler.handle(command, io);
        },
        t -> !(t instanceof io.dockerlings.simulator.cli.DockerException));
  }

  /**
   * Runs {@code body}, which acts on the engine outside a docker command (a line typed into a
   * container's terminal), as one step of the undo journal: a fault takes back what it changed.
   */
  <T> T inCommand(java.util.function.Supplier<T> body) {
    return undo.guard(
        () -> {
          undo.record(scalars());
          return body.get();
        });
  }

  /** A way back to the engine's own counters, daemon state and skipped time. */
  private Runnable scalars() {
    long sequence0 = sequence;
    int nextHostPid0 = nextHostPid;
    long nextNamespace0 = nextNamespace;
    DaemonConfig daemonConfig0 = daemonConfig;
    boolean daemonDown0 = daemonDown;
    Runnable clock0 = clock.memento();
    String cwd0 = hostFiles.cwd();
    Runnable random0 = random.memento();
    return () -> {
      sequence = sequence0;
      nextHostPid = nextHostPid0;
      nextNamespace = nextNamespace0;
      daemonConfig = daemonConfig0;
      daemonDown = daemonDown0;
      clock0.run();
      hostFiles.cd(cwd0);
      random0.run();
    };
  }

  /** The undo journal of the command being run. */
  Undo undo() {
    return undo;
  }

  DaemonConfig daemonConfig() {
    return daemonConfig;
  }

  boolean daemonDown() {
    return daemonDown;
  }

  /** Whether the daemon is down because it failed to start (a daemon.json that does not parse). */
  boolean daemonFailed() {
    return daemonFailed;
  }

  /** {@code systemctl stop docker}: the containers stop with the daemon, which stays down. */
  void stopDaemon() {
    stopContainers();
    daemonDown = true;
    daemonFailed = false;
  }

  /** Stops the running containers as a daemon that shuts down does; restart policies hold. */
  private void stopContainers() {
    for (Container c : new java.util.ArrayList<>(containers.all())) {
      if (c.isRunning()) {
        boolean keep =
            c.config.restartPolicy().name().equals("always")
                || c.config.restartPolicy().name().equals("unless-stopped");
        lifecycle.stop(c, 10);
        c.stoppedByUser = !keep;
      }
    }
  }

  /**
   * {@code systemctl restart docker}: reads {@code /etc/docker/daemon.json}; a file that does not
   * parse keeps the daemon down, as a real one refuses to start.
   */
  String restartDaemon() {
    stopContainers();
    try {
      daemonConfig = DaemonConfig.read(volumes.host());
    } catch (Failure f) {
      daemonDown = true;
      daemonFailed = true;
      return f.getMessage();
    }
    daemonDown = false;
    daemonFailed = false;
    for (Container c : new java.util.ArrayList<>(containers.all())) {
      if (!c.isRunning()
          && !c.stoppedByUser
          && !c.config.restartPolicy().isNone()
          && !c.config.restartPolicy().name().equals("on-failure")) {
        try {
          lifecycle.start(c);
        } catch (Failure f) {
          c.error = f.getMessage();
        }
      }
    }
    return "";
  }

  Http http() {
    return http;
  }

  Registries registries() {
    return registries;
  }

  Map<String, Image> registryImages() {
    return registryImages;
  }

  Networks networks() {
    return networks;
  }

  Volumes volumes() {
    return volumes;
  }

  long nextSequence() {
    return ++sequence;
  }

  String engineId() {
    return engineId;
  }

  /** Host pids for container processes, as {@code docker top} shows them. */
  int nextHostPid() {
    nextHostPid += 1 + nextHostPid % 7;
    return nextHostPid;
  }

  /** The simulated clock as a {@link java.time.Clock}, for file modification times. */
  java.time.Clock fileClock() {
    return fileClock;
  }

  private final class FileClock extends java.time.Clock {
    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return clock.now();
    }
  }

  Lifecycle lifecycle() {
    return lifecycle;
  }

  ContainerStore containers() {
    return containers;
  }

  ImageSource imageSource() {
    return images;
  }

  Images images() {
    return images;
  }

  Sessions sessions() {
    return sessions;
  }

  Ids ids() {
    return ids;
  }

  NameGenerator names() {
    return names;
  }

  SimClock clock() {
    return clock;
  }

  String networkId(String name) {
    return networks.find(name).map(n -> n.id).orElse("");
  }

  String displayReference(String ref) {
    return images.familiarWithTag(ref);
  }

  /** The IMAGE column of ps: the name used at creation, or the id once it moved on. */
  String imageColumn(Container c, boolean noTrunc) {
    return images.columnFor(c.config.image(), c.imageId, noTrunc);
  }

  long imageSize(String imageId) {
    return images.size(imageId);
  }

  boolean isAncestor(Container c, String reference) {
    return images.isAncestor(c.imageId, reference);
  }

  Optional<JsonNode> imageJson(String ref) {
    return images.inspect(ref);
  }

  Optional<JsonNode> networkJson(String ref) {
    return networkCommands.inspectOne(ref);
  }

  Optional<JsonNode> volumeJson(String name) {
    return volumes.find(name).map(volumeCommands::json);
  }

  /** Reads of files, changes and registries that neither run a command nor move time. */
  public StateReads reads() {
    return reads;
  }

  /** The state lessons and compare mode look at, from the same documents inspect prints. */
  public EngineSnapshot snapshot() {
    lifecycle.sync();
    List<JsonNode> cs = new ArrayList<>();
    for (Container c : containers.all()) {
      cs.add(ContainerJson.of(c, this));
    }
    List<JsonNode> is = new ArrayList<>();
    java.util.Map<String, List<JsonNode>> histories = new java.util.HashMap<>();
    for (Image i : images.all()) {
      is.add(images.json(i));
      histories.put(i.id(), historyJson(i));
    }
    List<JsonNode> ns = new ArrayList<>();
    for (Network n : networks.all()) {
      ns.add(networkCommands.json(n));
    }
    List<JsonNode> vs = new ArrayList<>();
    for (Volumes.Volume v : volumes.all()) {
      vs.add(volumeCommands.json(v));
    }
    return EngineSnapshot.fromInspect(cs, is, histories, ns, vs);
  }

  /** An image's history as the Engine API's {@code /images/{id}/history} lists it, newest first. */
  private static List<JsonNode> historyJson(Image i) {
    List<JsonNode> out = new ArrayList<>();
    for (Image.History h : i.history()) {
      com.fasterxml.jackson.databind.node.ObjectNode o =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      o.put("CreatedBy", h.createdBy());
      o.put("Size", h.size());
      o.put("Comment", h.comment());
      o.put("EmptyLayer", h.emptyLayer());
      out.add(0, o);
    }
    return out;
  }

  /** The engine's own notes in the session's language. */
  public Notes notes() {
    return notes;
  }

  /** Says the engine's own notes in {@code language} from now on (the learner's {@code lang}). */
  public void language(java.util.Locale language) {
    this.notes = Notes.of(language);
  }
}
