package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Info;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerCli;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.EngineFacts;
import io.dockerlings.simulator.cli.InfoCommand;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.format.DockerJson;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TemplateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine contract on a real Docker engine: the simulator's docker CLI grammar, bound to
 * handlers that call the Engine API and print through the simulator's formatters, so that a
 * difference on screen is a difference in state. The one public entry point of this module.
 *
 * <p>Everything it creates carries the sandbox's labels; it acts only on those objects, refuses
 * host-escaping options unless allowed, and {@link #close} removes all of it. The names the learner
 * gives containers, networks and volumes are the session's own ({@link NameScope}): on the engine
 * they carry the prefix {@code dl-<session>.}, and every answer shows them without it, so two
 * sessions on one engine can both call a container {@code web}. Not thread-safe.
 */
public final class RealEngine implements DockerEngine {
  private final RealContext ctx;
  private final DockerCli cli;
  private final RealNetworks networks;
  private final RealVolumes volumes;
  private final Ceilings ceilings;

  private RealEngine(RealContext ctx, Ceilings ceilings) {
    this.ctx = ctx;
    this.ceilings = ceilings;
    this.networks = new RealNetworks(ctx);
    this.volumes = new RealVolumes(ctx);
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.putAll(new RealContainers(ctx).handlers());
    h.putAll(ctx.images().handlers());
    h.putAll(new RealImageEdits(ctx).handlers());
    h.putAll(new RealBuild(ctx).handlers());
    h.putAll(new RealRegistry(ctx).handlers());
    h.putAll(networks.handlers());
    h.putAll(volumes.handlers());
    h.putAll(new RealPackaging(ctx).handlers());
    h.putAll(new RealUpdate(ctx).handlers());
    h.put("inspect", this::inspect);
    Facts facts = new Facts();
    h.put("version", new RealVersion(ctx, facts));
    h.put("info", new InfoCommand(facts));
    this.cli =
        new DockerCli(h)
            .withNotes(() -> io.dockerlings.simulator.notes.Notes.of(ctx.notes().locale()))
            .withUnsupportedSentence(command -> ctx.notes().get("engine.unsupported", command));
  }

  /**
   * Connects to the engine the locator found, removes what crashed sessions on this machine left
   * behind, and opens a sandbox.
   */
  public static RealEngine connect(EngineLocator locator, RealOptions options)
      throws EngineUnavailableException {
    EngineApi api = locator.api();
    // Sessions of one process share which own port numbers they hold (grading runs several).
    NameScope scope = NameScope.of(options.sessionId(), PortScope.onThisHost(api.heldHostPorts()));
    Sandbox sandbox =
        new Sandbox(api.client(), options, scope.images()::created, scope.images()::pulled);
    sandbox.reapAbandoned();
    BaseImages.onThisHost(api).ensure();
    // The learner's commands go out through the session's name scope; the sandbox's own
    // bookkeeping (labels, ledger, the reaping of dead sessions) sees the engine's real names.
    // The sandbox's resource ceilings go out with them and are taken out of what comes back.
    Ceilings ceilings =
        new Ceilings(options.limits(), () -> api.client().infoCmd().exec().getMemTotal());
    EngineApi scoped = api.scoped(scope, ceilings);
    return new RealEngine(
        new RealContext(
            scoped, sandbox, new HostGuard(options.allowHost(), options.paths()), options),
        ceilings);
  }

  /**
   * A session without a name scope: its names, host ports and tags are the engine's own, as before
   * scopes existed. Only for tests that show what the scope prevents.
   */
  static RealEngine connectUnscoped(EngineLocator locator, RealOptions options)
      throws EngineUnavailableException {
    EngineApi api = locator.api();
    Sandbox sandbox = new Sandbox(api.client(), options);
    sandbox.reapAbandoned();
    BaseImages.onThisHost(api).ensure();
    return new RealEngine(
        new RealContext(api, sandbox, new HostGuard(options.allowHost(), options.paths()), options),
        new Ceilings(SandboxLimits.none(), () -> 0));
  }

  /**
   * Says real mode's own notes in {@code language} (English or Simplified Chinese) from the next
   * command on, as the learner's {@code lang} asks; the engine's own messages never change.
   */
  public void language(java.util.Locale language) {
    ctx.language(java.util.Objects.requireNonNull(language));
  }

  /** The sandbox label value of this session. */
  public String sessionId() {
    return ctx.sandbox().session();
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    return cli.execute(argv, stdin);
  }

  /**
   * Runs one docker command of a host line, whose stdin is not a terminal but these bytes (a tar
   * piped into {@code load}, a Dockerfile into {@code build -}; empty for none): {@code -it} is
   * refused, as the CLI refuses it without a terminal.
   *
   * @param stdout where stdout goes as bytes when it is not the terminal (a tar into a pipe); empty
   *     when it is the terminal
   */
  public CommandResult executePiped(
      List<String> argv, byte[] stdin, Optional<java.util.function.Consumer<byte[]>> stdout) {
    return cli.execute(argv, stdin, stdout);
  }

  @Override
  public List<String> commandNames() {
    return cli.commandNames();
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return cli.flagNames(commandWords);
  }

  @Override
  public List<String> containerNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode c : ownedContainers()) {
      names.add(c.path("Name").asText().replaceFirst("^/", ""));
    }
    return names;
  }

  @Override
  public List<String> imageNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode i : snapshotImages()) {
      i.path("RepoTags").forEach(t -> names.add(t.asText()));
    }
    return names;
  }

  @Override
  public EngineSnapshot snapshot() {
    List<JsonNode> networks = new ArrayList<>();
    for (com.github.dockerjava.api.model.Network n : ctx.client().listNetworksCmd().exec()) {
      if (List.of("bridge", "host", "none").contains(n.getName())
          || ctx.sandbox().owns(n.getLabels())) {
        ctx.api().get("/networks/" + n.getId()).ifPresent(networks::add);
      }
    }
    List<JsonNode> volumes = new ArrayList<>();
    for (var v :
        ctx.client()
            .listVolumesCmd()
            .withFilter("label", ctx.sandbox().labelFilter())
            .exec()
            .getVolumes()) {
      ctx.api().get("/volumes/" + EngineApi.escape(v.getName())).ifPresent(volumes::add);
    }
    List<JsonNode> images = snapshotImages();
    Map<String, List<JsonNode>> histories = new java.util.HashMap<>();
    for (JsonNode i : images) {
      String id = i.path("Id").asText();
      ctx.api()
          .get("/images/" + id + "/history")
          .ifPresent(
              h -> {
                List<JsonNode> steps = new ArrayList<>();
                h.forEach(steps::add);
                histories.put(id, steps);
              });
    }
    return EngineSnapshot.fromInspect(ownedContainers(), images, histories, networks, volumes);
  }

  private List<JsonNode> ownedContainers() {
    List<JsonNode> docs = new ArrayList<>();
    for (var c :
        ctx.client()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(ctx.sandbox().labelFilter())
            .exec()) {
      ctx.container(c.getId()).ifPresent(docs::add);
    }
    return docs;
  }

  /**
   * The inspect documents of the images {@code docker images} shows, each with only the tags the
   * sandbox sees: an image shared with others keeps their tags to itself.
   */
  private List<JsonNode> snapshotImages() {
    Map<String, List<String>> visible = new LinkedHashMap<>();
    CommandResult listed =
        execute(
            List.of(
                "docker", "images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}"),
            "");
    for (String line : listed.stdout().split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        visible
            .computeIfAbsent(line.substring(0, space), k -> new ArrayList<>())
            .add(line.substring(space + 1));
      }
    }
    List<JsonNode> docs = new ArrayList<>();
    visible.forEach(
        (id, tags) ->
            ctx.api()
                .get("/images/" + id + "/json")
                .ifPresent(
                    doc -> {
                      ObjectNode copy = ((ObjectNode) doc).deepCopy();
                      ArrayNode repoTags = copy.putArray("RepoTags");
                      tags.stream().filter(t -> !t.equals("<none>:<none>")).forEach(repoTags::add);
                      docs.add(copy);
                    }));
    return docs;
  }

  /**
   * Reads a file in one of the session's named volumes through a throwaway busybox ({@code --rm},
   * the volume mounted read-only), so that checks judge a real engine's volumes as they judge
   * simulated ones. Empty when the volume does not exist (looking never creates it), when its name
   * is not a plain volume name or the path climbs with {@code ..}, or when the file cannot be read.
   */
  @Override
  public Optional<String> readVolumeFile(String volume, String path) {
    Optional<List<String>> cat = volumeReader(volume, path);
    if (cat.isEmpty()
        || execute(List.of("docker", "volume", "inspect", volume), "").exitCode() != 0) {
      return Optional.empty();
    }
    CommandResult r = execute(cat.get(), "");
    return r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
  }

  /**
   * The command that prints {@code path} of {@code volume}, or empty when the name is not a plain
   * volume name (it could carry other options) or the path contains {@code ..}.
   */
  static Optional<List<String>> volumeReader(String volume, String path) {
    if (!volume.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || path.contains("..")) {
      return Optional.empty();
    }
    String mount = "/dockerlings-volume";
    return Optional.of(
        List.of(
            "docker",
            "run",
            "--rm",
            "-v",
            volume + ":" + mount + ":ro",
            "busybox",
            "cat",
            mount + "/" + path.replaceFirst("^/+", "")));
  }

  /**
   * Where a {@code host:port} the learner names ({@code localhost:5000}) is on this machine: a host
   * port the session published is, on the shared engine, a port the session was given for it.
   * Anything that reaches such a port by number from outside the engine goes through here.
   */
  public String engineHost(String hostPort) {
    return ctx.api().scope().map(s -> s.ports().engineHost(hostPort)).orElse(hostPort);
  }

  /** Asks the registry's HTTP API: the engine itself cannot list a registry's tags. */
  @Override
  public Optional<List<String>> registryTags(String registry, String repository) {
    // localhost:5000 is, on the engine, the port this session was given for its 5000.
    return RegistryTags.of(
        ctx.api().scope().map(s -> s.ports().engineHost(registry)).orElse(registry), repository);
  }

  /**
   * The names of the session's containers that the sandbox's memory ceiling OOM-killed (not a limit
   * the learner set): their inspect documents say they were not OOM-killed, as on an engine of the
   * learner's own they would not have been. Read before {@link #close}.
   */
  public List<String> stoppedByMemoryCeiling() {
    ownedContainers();
    return ceilings.stoppedByCeiling();
  }

  /** Removes everything this session created. */
  @Override
  public void close() {
    ctx.sandbox().cleanUp();
    ctx.api().scope().ifPresent(s -> s.ports().release());
  }

  /**
   * {@code docker inspect}: containers of the sandbox, any image, the sandbox's networks and
   * volumes.
   */
  private int inspect(ParsedCommand cmd, CommandIo io) {
    String type = cmd.string("type", "");
    List<JsonNode> found = new ArrayList<>();
    int exit = 0;
    for (String ref : cmd.args()) {
      Optional<JsonNode> doc = Optional.empty();
      if (type.isEmpty() || type.equals("container")) {
        doc = ctx.container(ref);
        if (doc.isPresent()
            && !ctx.sandbox().owns(RealContext.labels(doc.get().path("Config").path("Labels")))) {
          throw ctx.notOurs("container", ref);
        }
      }
      if (doc.isEmpty() && (type.isEmpty() || type.equals("image"))) {
        doc = ctx.api().get("/images/" + EngineApi.escape(ref) + "/json");
      }
      if (doc.isEmpty() && (type.isEmpty() || type.equals("network"))) {
        doc = networks.inspectable(ref);
      }
      if (doc.isEmpty() && (type.isEmpty() || type.equals("volume"))) {
        doc = volumes.inspectable(ref);
      }
      if (doc.isPresent()) {
        found.add(doc.get());
      } else {
        if (cmd.string("format").filter(f -> !f.isEmpty()).isPresent()) {
          // The CLI runs the template over an empty result for a missing object: an empty line.
          io.outln("");
        }
        io.errln("Error: No such object: " + ref);
        exit = 1;
      }
    }
    Optional<String> format = cmd.string("format").filter(f -> !f.isEmpty());
    if (format.isPresent()) {
      for (JsonNode doc : found) {
        try {
          io.outln(GoTemplate.parse(format.get()).execute(doc));
        } catch (TemplateException e) {
          throw new DockerException("template parsing error: " + e.getMessage(), 64);
        }
      }
    } else {
      io.out(DockerJson.inspect(found));
    }
    return exit;
  }

  /** What {@code docker version} and {@code docker info} say, read from the engine. */
  private final class Facts implements EngineFacts {
    private Info info() {
      return ctx.client().infoCmd().exec();
    }

    @Override
    public HostSpec host() {
      Info i = info();
      return new HostSpec(
          i.getNCPU(), i.getMemTotal(), i.getKernelVersion(), i.getOperatingSystem(), i.getName());
    }

    @Override
    public int containersRunning() {
      return count("running");
    }

    @Override
    public int containersPaused() {
      return count("paused");
    }

    @Override
    public int containersStopped() {
      return ownedContainers().size() - containersRunning() - containersPaused();
    }

    private int count(String status) {
      int n = 0;
      for (JsonNode c : ownedContainers()) {
        n += c.path("State").path("Status").asText().equals(status) ? 1 : 0;
      }
      return n;
    }

    @Override
    public int images() {
      // As the engine counts: intermediate images under the ones shown count too, and an image
      // with several tags once (images -q prints its id once per tag).
      return (int)
          execute(List.of("docker", "images", "-a", "-q"), "")
              .stdout()
              .lines()
              .filter(l -> !l.isBlank())
              .distinct()
              .count();
    }

    @Override
    public String engineId() {
      return info().getId();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }
  }
}
