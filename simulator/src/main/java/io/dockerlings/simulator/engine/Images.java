package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.fs.Layer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's images: stored by content-addressed id, named by {@code repository:tag}, found by
 * name, full id or unique id prefix, and pulled from the built-in {@link Catalog}.
 */
final class Images implements ImageSource {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Engine engine;
  private final Catalog catalog = Catalog.shared();
  private final Map<String, Image> byId = new LinkedHashMap<>();

  /** {@code repository:tag} (familiar form) to image id. */
  private final TreeMap<String, String> tags = new TreeMap<>();

  // Digests registries gave this engine's images, by image id, then familiar repository.
  private final Map<String, Map<String, String>> digests = new java.util.HashMap<>();

  Images(Engine engine, Clock clock) {
    this.engine = engine;
    Image busybox = catalog.busybox(clock.instant().minusSeconds(60));
    Image parent =
        build(
            Optional.empty(),
            busybox.created().minusMillis(200),
            busybox.config().withCmd(Optional.empty()),
            busybox.layers(),
            busybox.history().subList(0, 1),
            "",
            "",
            Optional.empty());
    add(parent);
    Image top =
        build(
            Optional.of(parent.id()),
            busybox.created(),
            busybox.config(),
            busybox.layers(),
            busybox.history(),
            "",
            "",
            Optional.empty());
    add(top);
    tags.put("busybox:latest", top.id());
  }

  /** Makes an image whose id is the digest of everything that defines it. */
  static Image build(
      Optional<String> parent,
      Instant created,
      ImageConfig config,
      List<Layer> layers,
      List<Image.History> history,
      String author,
      String comment,
      Optional<String> repoDigest) {
    StringBuilder b = new StringBuilder();
    b.append(created)
        .append('\n')
        .append(config)
        .append('\n')
        .append(author)
        .append('\n')
        .append(comment);
    layers.forEach(l -> b.append('\n').append(l.diffId()));
    history.forEach(h -> b.append('\n').append(h));
    parent.ifPresent(p -> b.append('\n').append(p));
    String id = "sha256:" + sha256Hex(b.toString());
    return new Image(id, parent, created, config, layers, history, author, comment, repoDigest);
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  void add(Image image) {
    beforeChange();
    byId.put(image.id(), image);
  }

  /**
   * Keeps, once per command, a way back to the image index as it is now (a copy of its three maps:
   * the local store holds tens of images, not thousands), for a command that fails half-way.
   */
  private void beforeChange() {
    engine
        .undo()
        .saveOnce(
            this,
            () -> {
              Map<String, Image> ids0 = new LinkedHashMap<>(byId);
              Map<String, String> tags0 = new TreeMap<>(tags);
              Map<String, Map<String, String>> digests0 = new java.util.HashMap<>();
              digests.forEach((k, v) -> digests0.put(k, new TreeMap<>(v)));
              return () -> {
                byId.clear();
                byId.putAll(ids0);
                tags.clear();
                tags.putAll(tags0);
                digests.clear();
                digests.putAll(digests0);
              };
            });
  }

  Map<String, CommandHandler> handlers() {
    return new ImageCommands(engine, this).handlers();
  }

  Catalog catalog() {
    return catalog;
  }

  // ---- lookup -------------------------------------------------------------------------------

  /** The image a name, full id or unique id prefix refers to. */
  Optional<Image> lookup(String ref) {
    String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
    if (hex.matches("[0-9a-f]{64}")) {
      return Optional.ofNullable(byId.get("sha256:" + hex));
    }
    try {
      ImageRef parsed = ImageRef.parse(ref);
      if (parsed.digest().isPresent()) {
        // A digest names content, not a tag: only an image a registry gave under it matches.
        return byDigest(parsed.familiarRepository(), parsed.digest().get());
      }
      String id = tags.get(parsed.familiarTagged());
      if (id != null) {
        return Optional.of(byId.get(id));
      }
    } catch (Failure notAName) {
      // Not a valid name; it may still be an id prefix.
    }
    if (hex.matches("[0-9a-f]{1,63}")) {
      Image found = null;
      for (Image i : byId.values()) {
        if (i.id().startsWith("sha256:" + hex)) {
          if (found != null) {
            return Optional.empty();
          }
          found = i;
        }
      }
      return Optional.ofNullable(found);
    }
    return Optional.empty();
  }

  /** The image whose RepoDigests hold {@code repository@digest}, as inspect lists them. */
  private Optional<Image> byDigest(String repository, String digest) {
    for (Image i : byId.values()) {
      if (i.repoDigest().equals(Optional.of(digest))
          && tagsOf(i.id()).stream().anyMatch(t -> t.startsWith(repository + ":"))) {
        return Optional.of(i);
      }
    }
    for (Map.Entry<String, Map<String, String>> e : digests.entrySet()) {
      if (digest.equals(e.getValue().get(repository))) {
        return Optional.ofNullable(byId.get(e.getKey()));
      }
    }
    return Optional.empty();
  }

  Optional<Image> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  List<Image> all() {
    return List.copyOf(byId.values());
  }

  /** Tags of an image, in name order. */
  List<String> tagsOf(String id) {
    List<String> out = new ArrayList<>();
    tags.forEach(
        (t, i) -> {
          if (i.equals(id)) {
            out.add(t);
          }
        });
    return out;
  }

  Map<String, String> tagMap() {
    return tags;
  }

  void tag(String familiarTagged, String id) {
    beforeChange();
    tags.put(familiarTagged, id);
  }

  /**
   * Removes a tag; when it was the image's last tag in its repository, the repository's digest
   * reference goes too, and is returned ({@code repo@sha256:...}) for rmi to report.
   */
  Optional<String> untag(String familiarTagged) {
    beforeChange();
    String id = tags.remove(familiarTagged);
    if (id == null) {
      return Optional.empty();
    }
    String repo = familiarTagged.substring(0, familiarTagged.lastIndexOf(':'));
    boolean repoLeft =
        tags.entrySet().stream()
            .anyMatch(e -> e.getValue().equals(id) && e.getKey().startsWith(repo + ":"));
    Map<String, String> pushed = digests.getOrDefault(id, Map.of());
    if (repoLeft || !pushed.containsKey(repo)) {
      return Optional.empty();
    }
    String digest = digests.get(id).remove(repo);
    return Optional.of(repo + "@" + digest);
  }

  /**
   * Records that {@code repo} (familiar form) holds the image under {@code digest}, as the engine
   * does after a push or a pull from a registry: inspect lists it in RepoDigests.
   */
  void recordDigest(String id, String repo, String digest) {
    beforeChange();
    digests.computeIfAbsent(id, k -> new java.util.TreeMap<>()).put(repo, digest);
  }

  void remove(String id) {
    beforeChange();
    byId.remove(id);
    tags.values().removeIf(id::equals);
    digests.remove(id);
  }

  /** Whether another image lists this one as its parent. */
  boolean hasChildren(String id) {
    return byId.values().stream().anyMatch(i -> i.parent().equals(Optional.of(id)));
  }

  // ---- ImageSource --------------------------------------------------------------------------

  @Override
  public Optional<Resolved> find(String reference) {
    return lookup(reference).map(this::resolved);
  }

  private Resolved resolved(Image i) {
    return new Resolved(i.id(), i.id(), i.config().defaults(), i.layers());
  }

  @Override
  public void validate(String reference) {
    ImageRef.parse(reference);
  }

  @Override
  public Resolved pull(String reference, StringBuilder progress) {
    ImageRef ref = ImageRef.parse(reference);
    Image image = fetch(ref, progress, false);
    return resolved(image);
  }

  /**
   * Pulls from the catalog: writes the progress lines and stores the image under its tag.
   *
   * @param full whether to write the lines only {@code docker pull} prints (default tag notice,
   *     final reference)
   */
  Image fetch(ImageRef ref, StringBuilder progress, boolean full) {
    if (!ref.domain().equals(ImageRef.HUB)) {
      return fetchPrivate(ref, progress, full);
    }
    if (!catalog.hasRepository(ref)) {
      throw Failure.daemon(
          "pull access denied for "
              + ref.familiarRepository()
              + ", repository does not exist or may require 'docker login': denied: requested"
              + " access to the resource is denied");
    }
    Image image =
        catalog
            .find(ref)
            .filter(i -> ref.digest().isEmpty() || ref.digest().equals(i.repoDigest()))
            .orElseThrow(
                () ->
                    Failure.daemon(
                        "manifest for "
                            + familiarWithTag(
                                ref.familiarRepository()
                                    + ref.digest()
                                        .map(d -> "@" + d)
                                        .orElse(":" + ref.tagOrLatest()))
                            + " not found: manifest unknown: manifest unknown"));
    String digest = image.repoDigest().orElse("sha256:" + sha256Hex(image.id()));
    return receive(
        ref, image, digest, full ? Optional.of(ref.fullTagged()) : Optional.empty(), progress);
  }

  /** Pulls from a private registry the engine can reach. */
  private Image fetchPrivate(ImageRef ref, StringBuilder progress, boolean full) {
    Registries.Store store = engine.registries().reach(ref, "http");
    String id =
        store
            .repositories
            .getOrDefault(ref.path(), new java.util.TreeMap<>())
            .get(ref.tagOrLatest());
    if (id == null || byId(id).isEmpty() && !engine.registryImages().containsKey(id)) {
      throw Failure.daemon(
          "manifest for "
              + ref.familiarTagged()
              + " not found: manifest unknown: manifest unknown");
    }
    Image image = byId(id).orElse(engine.registryImages().get(id));
    recordDigest(image.id(), ref.familiarRepository(), manifestDigest(image));
    return receive(
        ref,
        image,
        manifestDigest(image),
        full ? Optional.of(ref.familiarTagged()) : Optional.empty(),
        progress);
  }

  /**
   * Takes in a pulled image: writes the progress a pull prints (a line a layer when the image is
   * new here, the digest, the status and then {@code lastLine}) and stores it under its tag.
   */
  private Image receive(
      ImageRef ref, Image image, String digest, Optional<String> lastLine, StringBuilder progress) {
    progress.append(ref.tagOrLatest()).append(": Pulling from ").append(ref.path()).append('\n');
    boolean present = byId.containsKey(image.id());
    if (!present) {
      // A layer is there already when an image here holds its whole chain. The others are
      // fetched, each with the status lines the CLI prints when its output is not a terminal
      // (progress bars are left out there): downloads first, then extraction in order.
      java.util.Set<String> held = new java.util.HashSet<>();
      byId.values().forEach(i -> held.addAll(i.chainIds()));
      List<String> chain = image.chainIds();
      List<String> fetched = new ArrayList<>();
      for (int k = 0; k < chain.size(); k++) {
        String blob = sha256Hex("blob " + image.layers().get(k).diffId()).substring(0, 12);
        if (held.contains(chain.get(k))) {
          progress.append(blob).append(": Already exists\n");
        } else {
          progress.append(blob).append(": Pulling fs layer\n");
          fetched.add(blob);
        }
      }
      for (String blob : fetched) {
        progress.append(blob).append(": Verifying Checksum\n");
        progress.append(blob).append(": Download complete\n");
      }
      for (String blob : fetched) {
        progress.append(blob).append(": Pull complete\n");
      }
    }
    progress.append("Digest: ").append(digest).append('\n');
    String tagged = ref.familiarTagged();
    boolean upToDate = present && image.id().equals(tags.get(tagged));
    progress
        .append("Status: ")
        .append(upToDate ? "Image is up to date for " : "Downloaded newer image for ")
        .append(tagged)
        .append('\n');
    lastLine.ifPresent(line -> progress.append(line).append('\n'));
    add(image);
    tags.put(tagged, image.id());
    return image;
  }

  /** The digest a registry gives an image's manifest: derived from its config and layers. */
  static String manifestDigest(Image image) {
    StringBuilder b = new StringBuilder(image.id());
    image.layers().forEach(l -> b.append(l.diffId()));
    return "sha256:" + sha256Hex("manifest " + b);
  }

  // ---- views for the container side ---------------------------------------------------------

  List<String> names() {
    return List.copyOf(tags.keySet());
  }

  String familiarWithTag(String ref) {
    try {
      ImageRef parsed = ImageRef.parse(ref);
      if (parsed.digest().isPresent()) {
        return parsed.familiarRepository() + "@" + parsed.digest().get();
      }
      return parsed.familiarTagged();
    } catch (Failure f) {
      return ref;
    }
  }

  String columnFor(String typed, String imageId, boolean noTrunc) {
    if (typed.isEmpty()) {
      // A build step on scratch has no image at all; the CLI shows a placeholder.
      return "<no image>";
    }
    Optional<Image> now = lookup(typed);
    if (now.isPresent() && now.get().id().equals(imageId)) {
      return typed;
    }
    return noTrunc ? imageId : Ids.shortId(imageId);
  }

  long size(String imageId) {
    return byId(imageId).map(Image::size).orElse(0L);
  }

  boolean isAncestor(String imageId, String reference) {
    Optional<Image> target = lookup(reference);
    if (target.isEmpty()) {
      return false;
    }
    for (Optional<Image> i = byId(imageId);
        i.isPresent();
        i = i.get().parent().flatMap(this::byId)) {
      if (i.get().id().equals(target.get().id())) {
        return true;
      }
    }
    return false;
  }

  Optional<JsonNode> inspect(String ref) {
    return lookup(ref).map(this::json);
  }

  /** The document {@code docker image inspect} prints. */
  JsonNode json(Image i) {
    ObjectNode o = F.objectNode();
    o.put("Id", i.id());
    ArrayNode repoTags = o.putArray("RepoTags");
    tagsOf(i.id()).forEach(repoTags::add);
    ArrayNode repoDigests = o.putArray("RepoDigests");
    if (i.repoDigest().isPresent()) {
      for (String t : tagsOf(i.id())) {
        repoDigests.add(t.substring(0, t.lastIndexOf(':')) + "@" + i.repoDigest().get());
      }
    }
    digests
        .getOrDefault(i.id(), Map.of())
        .forEach(
            (repo, digest) -> {
              String reference = repo + "@" + digest;
              if (!repoDigests.toString().contains("\"" + reference + "\"")) {
                repoDigests.add(reference);
              }
            });
    o.put("Parent", i.parent().orElse(""));
    o.put("Comment", i.comment());
    o.put("Created", ContainerJson.time(i.created()));
    o.put("Container", "");
    o.set("ContainerConfig", configJson(i, true));
    o.put("DockerVersion", "20.10.24+dfsg1");
    o.put("Author", i.author());
    o.set("Config", configJson(i, false));
    o.put("Architecture", "amd64");
    o.put("Os", "linux");
    o.put("Size", i.size());
    o.put("VirtualSize", i.size());
    ObjectNode gd = o.putObject("GraphDriver");
    ObjectNode data = gd.putObject("Data");
    String top =
        i.layers().isEmpty()
            ? sha256Hex(i.id())
            : i.layers().get(i.layers().size() - 1).diffId().substring(7);
    if (i.layers().size() > 1) {
      StringBuilder lower = new StringBuilder();
      for (int k = i.layers().size() - 2; k >= 0; k--) {
        lower
            .append(lower.length() > 0 ? ":" : "")
            .append("/var/lib/docker/overlay2/")
            .append(i.layers().get(k).diffId().substring(7))
            .append("/diff");
      }
      data.put("LowerDir", lower.toString());
    }
    data.put("MergedDir", "/var/lib/docker/overlay2/" + top + "/merged");
    data.put("UpperDir", "/var/lib/docker/overlay2/" + top + "/diff");
    data.put("WorkDir", "/var/lib/docker/overlay2/" + top + "/work");
    gd.put("Name", "overlay2");
    ObjectNode rootfs = o.putObject("RootFS");
    rootfs.put("Type", "layers");
    if (!i.layers().isEmpty()) {
      // Go leaves out the empty list: an image built from scratch with no file step has none.
      ArrayNode layers = rootfs.putArray("Layers");
      i.layers().forEach(l -> layers.add(l.diffId()));
    }
    o.putObject("Metadata").put("LastTagTime", "0001-01-01T00:00:00Z");
    return o;
  }

  private static ObjectNode configJson(Image i, boolean container) {
    ImageConfig c = i.config();
    ObjectNode o = F.objectNode();
    o.put("Hostname", "");
    o.put("Domainname", "");
    o.put("User", c.user());
    o.put("AttachStdin", false);
    o.put("AttachStdout", false);
    o.put("AttachStderr", false);
    if (!c.exposedPorts().isEmpty()) {
      ObjectNode ports = o.putObject("ExposedPorts");
      c.exposedPorts().forEach(ports::putObject);
    }
    o.put("Tty", false);
    o.put("OpenStdin", false);
    o.put("StdinOnce", false);
    ArrayNode env = o.putArray("Env");
    c.env().forEach(env::add);
    List<String> cmd =
        container ? List.of("/bin/sh", "-c", "#(nop) ", lastStep(i)) : c.cmd().orElse(null);
    if (cmd == null) {
      o.putNull("Cmd");
    } else {
      ArrayNode a = o.putArray("Cmd");
      cmd.forEach(a::add);
    }
    o.put("Image", i.parent().orElse(""));
    if (c.volumes().isEmpty()) {
      o.putNull("Volumes");
    } else {
      ObjectNode v = o.putObject("Volumes");
      c.volumes().forEach(v::putObject);
    }
    o.put("WorkingDir", c.workingDir());
    if (c.entrypoint().isEmpty()) {
      o.putNull("Entrypoint");
    } else {
      ArrayNode a = o.putArray("Entrypoint");
      c.entrypoint().get().forEach(a::add);
    }
    o.putNull("OnBuild");
    if (c.labels().isEmpty()) {
      if (container) {
        o.putObject("Labels");
      } else {
        o.putNull("Labels");
      }
    } else {
      ObjectNode l = o.putObject("Labels");
      c.labels().forEach(l::put);
    }
    c.stopSignal().ifPresent(s -> o.put("StopSignal", s));
    return o;
  }

  private static String lastStep(Image i) {
    if (i.history().isEmpty()) {
      return "";
    }
    String by = i.history().get(i.history().size() - 1).createdBy();
    return by.startsWith("/bin/sh -c #(nop) ")
        ? by.substring("/bin/sh -c #(nop) ".length()).trim()
        : by;
  }
}
