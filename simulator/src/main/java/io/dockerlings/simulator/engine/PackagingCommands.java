package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.fs.Layer;
import io.dockerlings.simulator.fs.LayerEntry;
import io.dockerlings.simulator.fs.NodeType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code save}/{@code load} (images with their layers, history and tags, in the engine's tar layout
 * with {@code manifest.json}) and {@code export}/{@code import} (a container's flattened files,
 * which come back as a one-layer image without configuration), as files of the simulated host (the
 * workspace's real files under the learner's home) or through a host line's redirections.
 */
final class PackagingCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Engine engine;

  PackagingCommands(Engine engine) {
    this.engine = engine;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("image save", this::save);
    h.put("image load", this::load);
    h.put("container export", this::export);
    h.put("image import", this::importTar);
    return h;
  }

  /**
   * Where a save or export goes: the {@code -o} file of the host, else a stdout that a host line
   * redirects or pipes; a terminal is refused as the CLI refuses it.
   */
  private Sink output(ParsedCommand cmd) {
    String o = cmd.string("output", "");
    HostFiles host = engine.hostFiles();
    if (o.isEmpty()) {
      var stdout =
          engine
              .binaryOut()
              .orElseThrow(
                  () ->
                      new DockerException(
                          "cowardly refusing to save to a terminal. Use the -o flag or redirect",
                          1));
      HostFiles.NewFile buffer = host.newFile("/dev/stdout");
      return new Sink(buffer, () -> stdout.accept(buffer.bytes()));
    }
    String path = host.resolve(o);
    HostFiles.NewFile file;
    try {
      String parent = io.dockerlings.simulator.sh.Paths.parent(path);
      if (!host.fs().exists(parent) || !host.fs().stat(parent).isDirectory()) {
        throw new FsException(FsException.Reason.NOT_FOUND, path);
      }
      file = host.newFile(path);
    } catch (FsException e) {
      throw DockerException.client("failed to save image: open " + o + ": " + lower(e));
    }
    return new Sink(file, file::commit);
  }

  /** A tar being written and what to do with it once whole. */
  private record Sink(OutputStream stream, Runnable done) {}

  private static String lower(FsException e) {
    String t = e.reason().text();
    return Character.toLowerCase(t.charAt(0)) + t.substring(1);
  }

  /** Writes a tar to where it goes; a full disk or an oversized file is a clean error. */
  private void writeTar(ParsedCommand cmd, TarBody body) {
    writeTar(cmd, 0, body);
  }

  /**
   * As {@link #writeTar(ParsedCommand, TarBody)}, refusing at once, before anything is built in
   * memory, when the content is known to need more than {@code estimate} bytes the file can hold.
   */
  private void writeTar(ParsedCommand cmd, long estimate, TarBody body) {
    Sink sink = output(cmd);
    if (sink.stream() instanceof HostFiles.NewFile f && estimate > f.limit()) {
      throw DockerException.client(
          "write "
              + cmd.string("output", "/dev/stdout")
              + ": "
              + lower(new FsException(FsException.Reason.NO_SPACE, "")));
    }
    try {
      TarWriter tar = new TarWriter(sink.stream());
      body.write(tar);
      tar.finish();
      sink.done().run();
    } catch (FsException e) {
      throw DockerException.client("write " + e.path() + ": " + lower(e));
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    }
  }

  /** What goes into a tar. */
  private interface TarBody {
    void write(TarWriter tar) throws IOException;
  }

  // ---- save / load ---------------------------------------------------------------------------

  private int save(ParsedCommand cmd, CommandIo io) {
    List<Image> images = new ArrayList<>();
    Map<String, List<String>> tags = new LinkedHashMap<>();
    for (String ref : cmd.args()) {
      Image img =
          engine
              .images()
              .lookup(ref)
              .orElseThrow(
                  () ->
                      DockerException.daemon(
                          ref.contains("@")
                              ? "reference does not exist"
                              : "No such image: " + ref));
      if (!images.contains(img)) {
        images.add(img);
      }
      List<String> t = tags.computeIfAbsent(img.id(), k -> new ArrayList<>());
      if (!ref.matches("(sha256:)?[0-9a-f]+")) {
        t.add(engine.images().familiarWithTag(ref));
      }
    }
    long estimate = images.stream().flatMap(i -> i.layers().stream()).mapToLong(Layer::size).sum();
    writeTar(cmd, estimate, tar -> saveImages(tar, images, tags));
    return 0;
  }

  private void saveImages(TarWriter tar, List<Image> images, Map<String, List<String>> tags)
      throws IOException {
    {
      ArrayNode manifest = JSON.createArrayNode();
      ObjectNode repositories = JSON.createObjectNode();
      Instant epoch = Instant.EPOCH;
      for (Image img : images) {
        List<String> layerFiles = new ArrayList<>();
        for (Layer layer : img.layers()) {
          String dir = layer.diffId().substring(7);
          tar.directory(dir, 0755, epoch);
          tar.file(dir + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8), 0644, epoch);
          tar.file(
              dir + "/json",
              ("{\"id\":\"" + dir + "\"}").getBytes(StandardCharsets.UTF_8),
              0644,
              epoch);
          tar.file(dir + "/layer.tar", layerTar(layer), 0644, epoch);
          layerFiles.add(dir + "/layer.tar");
        }
        String hex = img.id().substring(7);
        tar.file(hex + ".json", configJson(img).getBytes(StandardCharsets.UTF_8), 0644, epoch);
        ObjectNode m = manifest.addObject();
        m.put("Config", hex + ".json");
        ArrayNode rt = m.putArray("RepoTags");
        tags.get(img.id()).forEach(rt::add);
        ArrayNode ls = m.putArray("Layers");
        layerFiles.forEach(ls::add);
        for (String t : tags.get(img.id())) {
          String repo = t.substring(0, t.lastIndexOf(':'));
          String tag = t.substring(t.lastIndexOf(':') + 1);
          ObjectNode r =
              repositories.has(repo)
                  ? (ObjectNode) repositories.get(repo)
                  : repositories.putObject(repo);
          r.put(
              tag,
              layerFiles.isEmpty() ? hex : layerFiles.get(layerFiles.size() - 1).split("/")[0]);
        }
      }
      tar.file("manifest.json", JSON.writeValueAsBytes(manifest), 0644, epoch);
      tar.file("repositories", JSON.writeValueAsBytes(repositories), 0644, epoch);
    }
  }

  /**
   * The byte size of the manifest a registry keeps for {@code img}, as {@code push} prints it: the
   * engine's JSON (three-space indents) is fixed text plus the digits of the config's size and of
   * each layer's compressed size.
   */
  static long manifestSize(Image img) {
    try {
      long config = configJson(img).getBytes(StandardCharsets.UTF_8).length;
      boolean imported =
          img.history().size() == 1 && img.history().get(0).comment().startsWith("Imported from");
      // The engine's config of an image made by a build, a commit or a pull also holds the
      // "container" and "container_config" blocks, which this simulator's config leaves out: it
      // is over a thousand bytes then (busybox's 1463, a commit's about 1540), unlike an import's.
      long size = 315 + Math.max(digits(config), imported ? 0 : 4);
      for (Layer l : img.layers()) {
        size += 202 + digits(compressedSize(l));
      }
      return size + 2L * Math.max(0, img.layers().size() - 1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int digits(long n) {
    return Long.toString(n).length();
  }

  /**
   * A layer's size gzip-compressed, as a registry stores it: an empty tar's 32 bytes, else about a
   * hundred bytes of tar headers and gzip trailer plus the content at busybox's ratio on Docker Hub
   * (1,068,674 bytes for its 1.98 MB).
   */
  static long compressedSize(Layer layer) {
    return layer.isEmpty() ? 32 : 100 + layer.size() * 54 / 100;
  }

  /** A layer as its own tar: files, directories, links, and whiteouts as {@code .wh.} files. */
  private static byte[] layerTar(Layer layer) throws IOException {
    return TarWriter.toBytes(
        tar -> {
          for (Map.Entry<String, LayerEntry> e : layer.entries().entrySet()) {
            String name = e.getKey().substring(1);
            LayerEntry le = e.getValue();
            switch (le.type()) {
              case DIRECTORY -> {
                tar.directory(name, le.mode(), le.mtime());
                if (le.opaque()) {
                  tar.file(name + "/.wh..wh..opq", new byte[0], 0644, le.mtime());
                }
              }
              case SYMLINK -> tar.symlink(name, le.linkTarget(), le.mtime());
              case WHITEOUT -> {
                int slash = name.lastIndexOf('/');
                String wh =
                    slash < 0
                        ? ".wh." + name
                        : name.substring(0, slash + 1) + ".wh." + name.substring(slash + 1);
                tar.file(wh, new byte[0], 0644, le.mtime());
              }
              default -> tar.file(name, le.content(Long.MAX_VALUE), le.mode(), le.mtime());
            }
          }
        });
  }

  private static String configJson(Image img) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("architecture", "amd64");
    ObjectNode config = o.putObject("config");
    ImageConfig c = img.config();
    ArrayNode env = config.putArray("Env");
    c.env().forEach(env::add);
    c.cmd().ifPresent(cmd -> cmd.forEach(config.putArray("Cmd")::add));
    c.entrypoint().ifPresent(ep -> ep.forEach(config.putArray("Entrypoint")::add));
    config.put("WorkingDir", c.workingDir());
    config.put("User", c.user());
    ObjectNode exposed = config.putObject("ExposedPorts");
    c.exposedPorts().forEach(exposed::putObject);
    ObjectNode volumes = config.putObject("Volumes");
    c.volumes().forEach(volumes::putObject);
    ObjectNode labels = config.putObject("Labels");
    c.labels().forEach(labels::put);
    c.stopSignal().ifPresent(s -> config.put("StopSignal", s));
    o.put("created", ContainerJson.time(img.created()));
    o.put("author", img.author());
    o.put("comment", img.comment());
    ArrayNode history = o.putArray("history");
    for (Image.History h : img.history()) {
      ObjectNode e = history.addObject();
      e.put("created", ContainerJson.time(h.created()));
      e.put("created_by", h.createdBy());
      e.put("size", h.size());
      if (!h.comment().isEmpty()) {
        e.put("comment", h.comment());
      }
      if (h.emptyLayer()) {
        e.put("empty_layer", true);
      }
    }
    o.put("os", "linux");
    ObjectNode rootfs = o.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode ids = rootfs.putArray("diff_ids");
    img.layers().forEach(l -> ids.add(l.diffId()));
    return JSON.writeValueAsString(o);
  }

  /** A tar from a host file, or from a stdin that a host line redirects or pipes. */
  private byte[] readInput(String in) {
    if (in.isEmpty() || in.equals("-")) {
      return engine
          .binaryIn()
          .filter(b -> b.length > 0)
          .orElseThrow(
              () -> DockerException.client("requested load from stdin, but stdin is empty"));
    }
    String path = engine.hostFiles().resolve(in);
    if (HostFiles.endless(path)) {
      throw new DockerException(engine.notes().get("host.endless", path), 130);
    }
    try {
      return engine.hostFiles().read(path);
    } catch (FsException e) {
      throw new DockerException("open " + in + ": " + lower(e), 1);
    }
  }

  private int load(ParsedCommand cmd, CommandIo io) {
    byte[] data = readInput(cmd.string("input", ""));
    Map<String, byte[]> files = new HashMap<>();
    try {
      for (TarReader.Entry e : TarReader.read(data)) {
        files.put(e.name(), e.content());
      }
      byte[] manifestBytes = files.get("manifest.json");
      if (manifestBytes == null) {
        // Without manifest.json the daemon tries the legacy layout's repositories file; the
        // error comes back in the progress stream, so the CLI prints it bare (docker 20.10.24).
        throw new DockerException(
            "open /var/lib/docker/tmp/docker-import-"
                + Integer.toUnsignedString(engine.ids().next().hashCode())
                + "/repositories: no such file or directory",
            1);
      }
      for (JsonNode m : JSON.readTree(manifestBytes)) {
        String configName = m.get("Config").asText();
        JsonNode config = JSON.readTree(files.get(configName));
        List<Layer> layers = new ArrayList<>();
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        for (JsonNode l : m.get("Layers")) {
          // A layer the engine already holds (the config names it by diff id) is kept, not read
          // again, as the daemon skips loading it: images keep sharing it.
          String named = diffIds.path(layers.size()).asText("");
          java.util.Optional<Layer> known = knownLayer(named);
          layers.add(
              known.isPresent()
                  ? known.get()
                  : layerFrom(files.get(l.asText()), Instant.parse(config.get("created").asText()))
                      .identifiedAs(named));
        }
        Image img = imageFrom("sha256:" + configName.replace(".json", ""), config, layers);
        engine.images().add(img);
        List<String> tags = new ArrayList<>();
        m.path("RepoTags").forEach(t -> tags.add(t.asText()));
        for (String t : tags) {
          engine.images().tag(t, img.id());
          io.outln("Loaded image: " + t);
        }
        if (tags.isEmpty()) {
          io.outln("Loaded image ID: " + img.id());
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DockerException d) {
        throw d;
      }
      throw new DockerException(
          "Error processing tar file(exit status 1): archive/tar: invalid tar header", 1);
    }
    return 0;
  }

  /** A layer of an image the engine holds whose diff id is {@code diffId}, if any. */
  private java.util.Optional<Layer> knownLayer(String diffId) {
    if (diffId.isEmpty()) {
      return java.util.Optional.empty();
    }
    for (Image i : engine.images().all()) {
      for (Layer l : i.layers()) {
        if (l.diffId().equals(diffId)) {
          return java.util.Optional.of(l);
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static Layer layerFrom(byte[] tar, Instant mtime) throws IOException {
    Layer.Builder b = Layer.builder(mtime);
    for (TarReader.Entry e : TarReader.read(tar)) {
      String path = "/" + e.name().replaceAll("/$", "");
      String base = path.substring(path.lastIndexOf('/') + 1);
      if (base.equals(".wh..wh..opq")) {
        b.opaqueDir(path.substring(0, path.lastIndexOf('/')));
      } else if (base.startsWith(".wh.")) {
        b.whiteout(path.substring(0, path.lastIndexOf('/') + 1) + base.substring(4));
      } else if (e.type() == '5') {
        b.dir(path, e.mode());
      } else if (e.type() == '2') {
        b.symlink(path, e.linkTarget());
      } else {
        b.file(path, e.content(), e.mode());
      }
    }
    return b.build();
  }

  private static Image imageFrom(String id, JsonNode json, List<Layer> layers) {
    JsonNode c = json.path("config");
    List<String> env = new ArrayList<>();
    c.path("Env").forEach(e -> env.add(e.asText()));
    ImageConfig config =
        new ImageConfig(
            strings(c.get("Cmd")),
            strings(c.get("Entrypoint")),
            env,
            c.path("WorkingDir").asText(""),
            c.path("User").asText(""),
            new java.util.TreeSet<>(names(c.get("ExposedPorts"))),
            new java.util.TreeSet<>(names(c.get("Volumes"))),
            new java.util.TreeMap<>(),
            Optional.ofNullable(c.get("StopSignal")).map(JsonNode::asText));
    List<Image.History> history = new ArrayList<>();
    for (JsonNode h : json.path("history")) {
      history.add(
          new Image.History(
              Instant.parse(h.get("created").asText()),
              h.path("created_by").asText(""),
              h.path("size").asLong(0),
              h.path("empty_layer").asBoolean(false),
              h.path("comment").asText("")));
    }
    return new Image(
        id,
        Optional.empty(),
        Instant.parse(json.get("created").asText()),
        config,
        layers,
        history,
        json.path("author").asText(""),
        json.path("comment").asText(""),
        Optional.empty());
  }

  private static Optional<List<String>> strings(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return Optional.of(out);
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null) {
      node.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  // ---- export / import -----------------------------------------------------------------------

  private int export(ParsedCommand cmd, CommandIo io) {
    Container c =
        engine
            .containers()
            .lookup(cmd.args().get(0))
            .container()
            .orElseThrow(() -> DockerException.daemon("No such container: " + cmd.args().get(0)));
    FileSystem fs = c.files.rootFs();
    writeTar(cmd, tar -> walk(fs, "/", tar));
    return 0;
  }

  private static void walk(FileSystem fs, String dir, TarWriter tar) throws IOException {
    for (String name : fs.list(dir)) {
      String path = dir.equals("/") ? "/" + name : dir + "/" + name;
      FileStat st = fs.lstat(path);
      String entry = path.substring(1);
      if (st.type() == NodeType.DIRECTORY) {
        tar.directory(entry, st.mode(), st.mtime());
        walk(fs, path, tar);
      } else if (st.type() == NodeType.SYMLINK) {
        tar.symlink(entry, st.linkTarget(), st.mtime());
      } else {
        tar.file(entry, fs.read(path), st.mode(), st.mtime());
      }
    }
  }

  private int importTar(ParsedCommand cmd, CommandIo io) {
    String source = cmd.args().get(0);
    // The CLI opens the file itself before it sends anything: no daemon prefix.
    byte[] data = readInput(source);
    Optional<ImageRef> target = Optional.empty();
    if (cmd.args().size() > 1) {
      try {
        target = Optional.of(ImageRef.parse(cmd.args().get(1)));
      } catch (Failure f) {
        throw DockerException.client(f.getMessage());
      }
    }
    Instant now = engine.lifecycle().now();
    Layer layer;
    try {
      layer = layerFrom(data, now);
    } catch (IOException | RuntimeException e) {
      throw DockerException.daemon(
          "Error processing tar file(exit status 1): archive/tar: invalid tar header");
    }
    ImageConfig config =
        new ImageConfig(
            Optional.empty(),
            Optional.empty(),
            List.of(),
            "",
            "",
            new java.util.TreeSet<>(),
            new java.util.TreeSet<>(),
            new java.util.TreeMap<>(),
            Optional.empty());
    config = CommitChanges.apply(config, cmd.list("change"));
    String message = cmd.string("message", "");
    List<Image.History> history =
        List.of(
            new Image.History(
                now, "", layer.size(), false, message.isEmpty() ? "Imported from -" : message));
    Image image =
        Images.build(
            Optional.empty(), now, config, List.of(layer), history, "", "", Optional.empty());
    engine.images().add(image);
    target.ifPresent(t -> engine.images().tag(t.familiarTagged(), image.id()));
    io.outln(image.id());
    return 0;
  }
}
