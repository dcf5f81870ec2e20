package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The image commands: {@code images}, {@code pull}, {@code tag}, {@code rmi}, {@code history},
 * {@code image inspect}, {@code search}, and {@code commit}, which turns a container layer into an
 * image.
 */
final class ImageCommands {
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

  private final Engine engine;
  private final Images images;

  ImageCommands(Engine engine, Images images) {
    this.engine = engine;
    this.images = images;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("image ls", this::list);
    h.put("image pull", this::pull);
    h.put("image tag", this::tag);
    h.put("image rm", this::rmi);
    h.put("image history", this::history);
    h.put("image inspect", this::inspect);
    h.put("search", this::search);
    h.put("image push", this::push);
    h.put("login", this::login);
    h.put("logout", this::logout);
    h.put("container commit", this::commit);
    return h;
  }

  private Image require(String ref) {
    return images.lookup(ref).orElseThrow(() -> DockerException.client("No such image: " + ref));
  }

  private int list(ParsedCommand cmd, CommandIo io) {
    boolean all = cmd.bool("all");
    Optional<String> repoFilter =
        cmd.args().isEmpty() ? Optional.empty() : Optional.of(cmd.args().get(0));
    boolean danglingOnly = false;
    for (String f : cmd.list("filter")) {
      if (f.equals("dangling=true")) {
        danglingOnly = true;
      } else if (f.startsWith("reference=")) {
        repoFilter = Optional.of(f.substring("reference=".length()));
      } else if (!f.equals("dangling=false")) {
        throw DockerException.daemon("Invalid filter '" + f.split("=")[0] + "'");
      }
    }
    Instant now = engine.lifecycle().now();
    boolean noTrunc = cmd.bool("no-trunc");
    List<Image> sorted = new ArrayList<>(images.all());
    sorted.sort(Comparator.comparing(Image::created).reversed());
    List<ObjectNode> rows = new ArrayList<>();
    List<String> quiet = new ArrayList<>();
    for (Image i : sorted) {
      List<String> tags = images.tagsOf(i.id());
      if (tags.isEmpty()) {
        boolean intermediate = images.hasChildren(i.id());
        if (repoFilter.isPresent() || (intermediate && !all)) {
          continue;
        }
        rows.add(row(i, "<none>", "<none>", now, noTrunc));
        quiet.add(noTrunc ? i.id() : i.shortId());
        continue;
      }
      if (danglingOnly) {
        continue;
      }
      for (String t : tags) {
        String repo = t.substring(0, t.lastIndexOf(':'));
        String tag = t.substring(t.lastIndexOf(':') + 1);
        if (repoFilter.isPresent() && !matches(repoFilter.get(), repo, tag)) {
          continue;
        }
        rows.add(row(i, repo, tag, now, noTrunc));
        // One line per tag, as the client prints one per row (an image with two tags twice).
        quiet.add(noTrunc ? i.id() : i.shortId());
      }
    }
    if (cmd.bool("quiet")) {
      quiet.forEach(io::outln);
      return 0;
    }
    String format = cmd.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format =
          cmd.bool("digests")
              ? "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
              : "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    }
    io.out(Listing.IMAGES.render(format, rows));
    return 0;
  }

  private static boolean matches(String filter, String repo, String tag) {
    int colon = filter.lastIndexOf(':');
    if (colon > filter.lastIndexOf('/')) {
      return glob(filter.substring(0, colon), repo) && glob(filter.substring(colon + 1), tag);
    }
    return glob(filter, repo);
  }

  private static boolean glob(String pattern, String text) {
    return text.matches(pattern.replace(".", "\\.").replace("*", "[^/]*").replace("?", "."));
  }

  private ObjectNode row(Image i, String repo, String tag, Instant now, boolean noTrunc) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ID", noTrunc ? i.id() : i.shortId());
    o.put("Repository", repo);
    o.put("Tag", tag);
    o.put("Digest", i.repoDigest().orElse("<none>"));
    o.put("CreatedSince", Text.ago(Duration.between(i.created(), now)));
    o.put("CreatedAt", CREATED_AT.format(i.created()));
    o.put("Size", Text.size(i.size()));
    o.put("Containers", "N/A");
    o.put("SharedSize", "N/A");
    o.put("UniqueSize", "N/A");
    return o;
  }

  private int pull(ParsedCommand cmd, CommandIo io) {
    String reference = cmd.args().get(0);
    ImageRef ref;
    try {
      ref = ImageRef.parse(reference);
    } catch (Failure f) {
      // pull parses the reference before it talks to the daemon, and prints the error bare.
      throw new DockerException(f.getMessage(), 1);
    }
    StringBuilder progress = new StringBuilder();
    if (ref.tag().isEmpty() && ref.digest().isEmpty()) {
      progress.append("Using default tag: latest\n");
    }
    try {
      images.fetch(ref, progress, true);
    } catch (Failure f) {
      io.out(progress.toString());
      throw f.side() == Failure.Side.PLAIN
          ? new DockerException(f.getMessage(), 1)
          : DockerException.daemon(f.getMessage());
    }
    String text = progress.toString();
    if (cmd.bool("quiet")) {
      io.outln(ref.fullTagged());
    } else {
      io.out(text);
    }
    return 0;
  }

  private int tag(ParsedCommand cmd, CommandIo io) {
    String source = cmd.args().get(0);
    String target = cmd.args().get(1);
    if (source.contains("@")) {
      try {
        ImageRef.parse(source);
      } catch (Failure f) {
        throw new DockerException(
            "Error parsing reference: \""
                + source
                + "\" is not a valid repository/tag: "
                + f.getMessage(),
            1);
      }
    }
    ImageRef targetRef;
    try {
      targetRef = ImageRef.parse(target);
    } catch (Failure f) {
      throw new DockerException(
          "Error parsing reference: \""
              + target
              + "\" is not a valid repository/tag: "
              + f.getMessage(),
          1);
    }
    if (targetRef.digest().isPresent()) {
      throw new DockerException("refusing to create a tag with a digest reference", 1);
    }
    Image image =
        images
            .lookup(source)
            .orElseThrow(
                () -> DockerException.daemon("No such image: " + images.familiarWithTag(source)));
    images.tag(targetRef.familiarTagged(), image.id());
    return 0;
  }

  private int rmi(ParsedCommand cmd, CommandIo io) {
    boolean force = cmd.bool("force");
    int status = 0;
    for (String ref : cmd.args()) {
      try {
        removeOne(ref, force, io);
      } catch (DockerException e) {
        io.errln(e.text());
        status = 1;
      }
    }
    return status;
  }

  private void removeOne(String ref, boolean force, CommandIo io) {
    if (ref.contains("@")) {
      try {
        ImageRef.parse(ref);
      } catch (Failure f) {
        throw DockerException.daemon(f.getMessage());
      }
    }
    Image image = require(ref);
    String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
    boolean byId =
        image.id().substring(7).startsWith(hex)
            && !images.tagMap().containsKey(images.familiarWithTag(ref));
    List<String> tags = images.tagsOf(image.id());
    Optional<Container> running = user(image.id(), true);
    Optional<Container> stopped = user(image.id(), false);
    if (!byId) {
      String tagged = images.familiarWithTag(ref);
      if (tags.size() > 1 || (running.isPresent() && force)) {
        // With other tags, or forced while a running container uses it, the daemon only removes
        // the reference: the image stays (dangling in the second case) for the container.
        Optional<String> digestRef = images.untag(tagged);
        io.outln("Untagged: " + tagged);
        digestRef.ifPresent(d -> io.outln("Untagged: " + d));
        return;
      }
      if (running.isPresent() || (stopped.isPresent() && !force)) {
        Container c = running.isPresent() ? running.get() : stopped.get();
        throw DockerException.daemon(
            "conflict: unable to remove repository reference \""
                + ref
                + "\" (must force) - container "
                + c.shortId()
                + " is using its referenced image "
                + image.shortId());
      }
    } else {
      if (running.isPresent()) {
        throw DockerException.daemon(
            "conflict: unable to delete "
                + image.shortId()
                + " (cannot be forced) - image is being used by running container "
                + running.get().shortId());
      }
      if (tags.size() > 1 && !force) {
        throw DockerException.daemon(
            "conflict: unable to delete "
                + image.shortId()
                + " (must be forced) - image is referenced in multiple repositories");
      }
      if (stopped.isPresent() && !force) {
        throw DockerException.daemon(
            "conflict: unable to delete "
                + image.shortId()
                + " (must be forced) - image is being used by stopped container "
                + stopped.get().shortId());
      }
      if (images.hasChildren(image.id())) {
        throw DockerException.daemon(
            "conflict: unable to delete "
                + image.shortId()
                + " (cannot be forced) - image has dependent child images");
      }
    }
    for (String t : tags) {
      Optional<String> digestRef = images.untag(t);
      io.outln("Untagged: " + t);
      image
          .repoDigest()
          .ifPresent(d -> io.outln("Untagged: " + t.substring(0, t.lastIndexOf(':')) + "@" + d));
      digestRef.ifPresent(d -> io.outln("Untagged: " + d));
    }
    if (images.hasChildren(image.id())) {
      // A child image still needs the image: it stays, untagged, as the engine keeps it;
      // removing the last child later takes it too, once nothing else holds it.
      return;
    }
    // Forced past a stopped container, the daemon deletes the image and its untagged parents but
    // not their layers, which the container's filesystem still holds (it starts again).
    images.remove(image.id());
    io.outln("Deleted: " + image.id());
    Optional<String> parent = image.parent();
    while (parent.isPresent()) {
      Optional<Image> p = images.byId(parent.get());
      if (p.isEmpty()
          || !images.tagsOf(p.get().id()).isEmpty()
          || images.hasChildren(p.get().id())
          || usedByAny(p.get().id())) {
        break;
      }
      images.remove(p.get().id());
      io.outln("Deleted: " + p.get().id());
      parent = p.get().parent();
    }
    if (stopped.isPresent()) {
      return;
    }
    // The layer store keys layers by chain: one is deleted when no image left holds its chain,
    // and rmi names it by its chain id.
    java.util.Set<String> held = new java.util.HashSet<>();
    images.all().forEach(i -> held.addAll(i.chainIds()));
    List<String> chain = image.chainIds();
    for (int k = 0; k < chain.size(); k++) {
      if (!held.contains(chain.get(k)) && !image.layers().get(k).isEmpty()) {
        io.outln("Deleted: " + chain.get(k));
      }
    }
  }

  private boolean usedByAny(String imageId) {
    return user(imageId, true).isPresent() || user(imageId, false).isPresent();
  }

  private Optional<Container> user(String imageId, boolean running) {
    for (Container c : engine.containers().all()) {
      if (c.imageId.equals(imageId) && c.isRunning() == running) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private int history(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    // history asks the daemon, which names a missing image with its tag, unlike rmi's client check.
    Image image =
        images
            .lookup(ref)
            .orElseThrow(
                () ->
                    DockerException.daemon(
                        "No such image: "
                            + (ref.startsWith("sha256:") ? ref : images.familiarWithTag(ref))));
    boolean human = !cmd.isSet("human") || cmd.bool("human");
    boolean noTrunc = cmd.bool("no-trunc");
    Instant now = engine.lifecycle().now();
    List<ObjectNode> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Image.History> steps = image.history();
    // Which local image each step belongs to: the image itself, then its parents.
    List<Optional<String>> owners = new ArrayList<>();
    Optional<Image> owner = Optional.of(image);
    for (int k = steps.size() - 1; k >= 0; k--) {
      if (owner.isPresent() && owner.get().history().size() == k + 1) {
        owners.add(Optional.of(owner.get().id()));
        owner = owner.get().parent().flatMap(images::byId);
      } else {
        owners.add(Optional.empty());
      }
    }
    for (int k = steps.size() - 1, n = 0; k >= 0; k--, n++) {
      Image.History h = steps.get(k);
      String id = owners.get(n).map(i -> noTrunc ? i : Ids.shortId(i)).orElse("<missing>");
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("ID", id);
      o.put(
          "CreatedSince",
          human ? Text.ago(Duration.between(h.created(), now)) : ContainerJson.time(h.created()));
      o.put("CreatedAt", ContainerJson.time(h.created()));
      o.put(
          "CreatedBy",
          noTrunc ? h.createdBy() : Text.ellipsis(h.createdBy().replace("\t", " "), 45));
      o.put("Size", human ? Text.size(h.size()) : Long.toString(h.size()));
      o.put("Comment", h.comment());
      rows.add(o);
      ids.add(id);
    }
    return ObjectVerbs.printList(cmd, io, Listing.HISTORY, ids, rows);
  }

  private int inspect(ParsedCommand cmd, CommandIo io) {
    return ObjectVerbs.printInspect(cmd, io, "image", images::inspect, false);
  }

  /** The parsed reference, or the parser's words as a client error (pull, push). */
  private static ImageRef clientRef(String reference) {
    try {
      return ImageRef.parse(reference);
    } catch (Failure f) {
      throw DockerException.client(f.getMessage());
    }
  }

  private int push(ParsedCommand cmd, CommandIo io) {
    String reference = cmd.args().get(0);
    ImageRef ref = clientRef(reference);
    if (ref.tag().isEmpty()) {
      io.outln("Using default tag: latest");
    }
    // The daemon names the repository first, then streams the error, which the CLI prints bare.
    io.outln("The push refers to repository [" + ref.domain() + "/" + ref.path() + "]");
    Image image =
        images
            .lookup(ref.familiarTagged())
            .orElseThrow(
                () ->
                    new DockerException(
                        "An image does not exist locally with the tag: " + ref.familiarRepository(),
                        1));
    if (ref.domain().equals(ImageRef.HUB)) {
      // Pushing to Docker Hub needs a login the simulator never has.
      throw new DockerException("denied: requested access to the resource is denied", 1);
    }
    Registries.Store store;
    try {
      store = engine.registries().reach(ref, "http");
    } catch (Failure f) {
      throw new DockerException(f.getMessage(), 1);
    }
    List<io.dockerlings.simulator.fs.Layer> layers = new ArrayList<>(image.layers());
    java.util.Collections.reverse(layers);
    for (var l : layers) {
      io.outln(Images.sha256Hex("blob " + l.diffId()).substring(0, 12) + ": Preparing");
    }
    engine.undo().saveOnce(store, store::memento);
    Image before = engine.registryImages().get(image.id());
    engine
        .undo()
        .record(
            () -> {
              if (before == null) {
                engine.registryImages().remove(image.id());
              } else {
                engine.registryImages().put(image.id(), before);
              }
            });
    for (var l : layers) {
      boolean had = !store.blobs.add(l.diffId());
      io.outln(
          Images.sha256Hex("blob " + l.diffId()).substring(0, 12)
              + (had ? ": Layer already exists" : ": Pushed"));
    }
    store
        .repositories
        .computeIfAbsent(ref.path(), k -> new java.util.TreeMap<>())
        .put(ref.tagOrLatest(), image.id());
    engine.registryImages().put(image.id(), image);
    images.recordDigest(image.id(), ref.familiarRepository(), Images.manifestDigest(image));
    io.outln(
        ref.tagOrLatest()
            + ": digest: "
            + Images.manifestDigest(image)
            + " size: "
            + PackagingCommands.manifestSize(image));
    return 0;
  }

  /** Registries logged in to, as the CLI keeps them in its config.json. */
  private final java.util.Set<String> logins = new java.util.TreeSet<>();

  private static String serverOf(ParsedCommand cmd) {
    return cmd.args().isEmpty() ? "https://index.docker.io/v1/" : cmd.args().get(0);
  }

  private int login(ParsedCommand cmd, CommandIo io) {
    String server = serverOf(cmd);
    boolean viaStdin = cmd.bool("password-stdin");
    if (!cmd.isSet("username") || !cmd.isSet("password") && !viaStdin) {
      throw DockerException.client("Cannot perform an interactive login from a non TTY device");
    }
    if (viaStdin && io.stdin().isBlank()) {
      throw DockerException.client("Password Required");
    }
    if (cmd.isSet("password")) {
      io.errln("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
    }
    if (!cmd.args().isEmpty()) {
      try {
        engine.registries().reach(ImageRef.parse(server + "/probe"), "http");
      } catch (Failure f) {
        throw DockerException.daemon(f.getMessage());
      }
    }
    if (logins.add(server)) {
      engine.undo().record(() -> logins.remove(server));
    }
    io.errln("WARNING! Your password will be stored unencrypted in /root/.docker/config.json.");
    io.errln("Configure a credential helper to remove this warning. See");
    io.errln("https://docs.docker.com/engine/reference/commandline/login/#credentials-store");
    io.errln("");
    io.outln("Login Succeeded");
    return 0;
  }

  private int logout(ParsedCommand cmd, CommandIo io) {
    String server = serverOf(cmd);
    if (logins.remove(server)) {
      engine.undo().record(() -> logins.add(server));
    }
    io.outln("Removing login credentials for " + server);
    return 0;
  }

  /**
   * A search term that names its registry ({@code daocloud.io/nginx}) sends the daemon to that
   * registry's v1 endpoint; a host name the offline machine cannot resolve fails there.
   */
  private void unreachableSearchIndex(String term) {
    int slash = term.indexOf('/');
    if (slash < 0) {
      return;
    }
    String index = term.substring(0, slash);
    boolean named = index.contains(".") || index.contains(":") || index.equals("localhost");
    if (!named || index.equals("docker.io") || index.equals("index.docker.io")) {
      return;
    }
    String host = index.contains(":") ? index.substring(0, index.lastIndexOf(':')) : index;
    io.dockerlings.simulator.fs.FileSystem fs = engine.volumes().host();
    if (host.equals("localhost")
        || HostResolver.isAddress(host)
        || HostResolver.hostsEntry(fs, host).isPresent()) {
      return;
    }
    throw DockerException.daemon(
        "invalid registry endpoint https://"
            + index
            + "/v1/: Get \"https://"
            + index
            + "/v1/_ping\": "
            + HostResolver.noSuchHost(fs, host)
            + ". If this private registry supports only HTTP or HTTPS with an unknown CA"
            + " certificate, please add `--insecure-registry "
            + index
            + "` to the daemon's arguments. In the case of HTTPS, if you have access to the"
            + " registry's CA certificate, no need for the flag; simply place the CA certificate"
            + " at /etc/docker/certs.d/"
            + index
            + "/ca.crt");
  }

  private int search(ParsedCommand cmd, CommandIo io) {
    String term = cmd.args().get(0).toLowerCase(java.util.Locale.ROOT);
    int minStars = 0;
    Optional<Boolean> official = Optional.empty();
    for (String f : cmd.list("filter")) {
      String[] kv = f.split("=", 2);
      if (kv.length < 2) {
        throw DockerException.daemon("Invalid filter '" + f + "'");
      }
      switch (kv[0]) {
        case "stars" -> {
          try {
            minStars = Integer.parseInt(kv[1]);
          } catch (NumberFormatException e) {
            throw DockerException.daemon("Invalid filter 'stars=" + kv[1] + "'");
          }
        }
        case "is-official" -> official = Optional.of(Boolean.parseBoolean(kv[1]));
        case "is-automated" -> {
          // No catalog image is an automated build.
        }
        default -> throw DockerException.daemon("Invalid filter '" + kv[0] + "'");
      }
    }
    unreachableSearchIndex(term);
    int limit = Integer.parseInt(cmd.string("limit", "25"));
    boolean noTrunc = cmd.bool("no-trunc");
    StringBuilder table = new StringBuilder("NAME\tDESCRIPTION\tSTARS\tOFFICIAL\tAUTOMATED\n");
    int n = 0;
    for (Catalog.Entry e : images.catalog().entries()) {
      if (!e.repository().contains(term) || e.stars() < minStars) {
        continue;
      }
      if (official.isPresent() && official.get() != e.official()) {
        continue;
      }
      if (n++ >= limit) {
        break;
      }
      String desc = noTrunc ? e.description() : Text.ellipsis(e.description(), 45);
      table
          .append(e.repository())
          .append('\t')
          .append(desc)
          .append('\t')
          .append(e.stars())
          .append('\t')
          .append(e.official() ? "[OK]" : "")
          .append("\t\n");
    }
    io.out(Formats.tabular(table.toString(), 10));
    return 0;
  }

  /** The image's labels under the container's own (-l), which win: the config commit keeps. */
  private static Map<String, String> labels(ImageConfig image, Container c) {
    Map<String, String> out = new TreeMap<>(image.labels());
    out.putAll(c.config.labels());
    return out;
  }

  private int commit(ParsedCommand cmd, CommandIo io) {
    Container c =
        engine
            .containers()
            .lookup(cmd.args().get(0))
            .container()
            .orElseThrow(() -> DockerException.daemon("No such container: " + cmd.args().get(0)));
    Optional<ImageRef> target = Optional.empty();
    if (cmd.args().size() > 1) {
      try {
        target = Optional.of(ImageRef.parse(cmd.args().get(1)));
      } catch (Failure f) {
        throw new DockerException(f.getMessage(), 1);
      }
    }
    Image base =
        images
            .byId(c.imageId)
            .orElseThrow(() -> DockerException.daemon("No such image: " + c.imageId));
    ImageConfig config =
        base.config()
            .withCmd(c.config.cmd())
            .withEntrypoint(c.config.entrypoint())
            .withEnv(c.config.env())
            .withWorkingDir(c.config.workingDir())
            .withUser(c.config.user())
            .withExposed(c.config.exposedPorts())
            .withLabels(labels(base.config(), c))
            .withVolumes(c.config.volumes());
    config = CommitChanges.apply(config, cmd.list("change"));
    Instant now = engine.lifecycle().now();
    List<io.dockerlings.simulator.fs.Layer> layers = new ArrayList<>(base.layers());
    io.dockerlings.simulator.fs.Layer top = c.files.toLayer();
    layers.add(top);
    List<Image.History> history = new ArrayList<>(base.history());
    history.add(
        new Image.History(
            now,
            // The daemon records the container's Cmd alone, without its entrypoint.
            String.join(" ", c.config.cmd().orElse(List.of())),
            top.size(),
            false,
            cmd.string("message", "")));
    Image image =
        Images.build(
            Optional.of(base.id()),
            now,
            config,
            layers,
            history,
            cmd.string("author", ""),
            cmd.string("message", ""),
            Optional.empty());
    images.add(image);
    target.ifPresent(t -> images.tag(t.familiarTagged(), image.id()));
    io.outln(image.id());
    return 0;
  }
}
