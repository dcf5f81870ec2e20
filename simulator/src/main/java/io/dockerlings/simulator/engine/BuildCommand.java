package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.fs.Layer;
import io.dockerlings.simulator.sh.Paths;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker build} with the classic builder: a context read from the simulated host (the
 * learner's workspace), one image per instruction, RUN in a temporary container, and the build
 * cache keyed on the parent image, the instruction and, for COPY and ADD, the checksum of what is
 * copied.
 */
final class BuildCommand {
  private final Engine engine;

  /** Cache key (parent id + instruction + content checksum) to the image that step made. */
  private final Map<String, String> cache = new HashMap<>();

  BuildCommand(Engine engine) {
    this.engine = engine;
  }

  /** What a step produced: the image, or the exit status of a failed RUN. */
  private record Step(Optional<Image> image, int failure) {}

  int build(ParsedCommand cmd, CommandIo io) {
    HostFiles host = engine.hostFiles();
    // "docker build - < Dockerfile": the Dockerfile comes on stdin and there is no context, so
    // COPY and ADD of local files fail as on the engine.
    boolean fromStdin = cmd.args().get(0).equals("-");
    BuildContext context =
        fromStdin
            ? BuildContext.none(host.fs(), host.maxFileBytes())
            : new BuildContext(host.fs(), host.resolve(cmd.args().get(0)), host.maxFileBytes());
    if (!fromStdin && !context.isDirectory(context.dir())) {
      throw new DockerException(
          "unable to prepare context: path \"" + cmd.args().get(0) + "\" not found", 1);
    }
    String file =
        cmd.string("file").map(host::resolve).orElse(Paths.resolve(context.dir(), "Dockerfile"));
    if (!fromStdin && (!context.exists(file) || context.isDirectory(file))) {
      throw new DockerException(
          "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
              + file
              + ": no such file or directory",
          1);
    }
    List<ImageRef> tags = new ArrayList<>();
    for (String t : cmd.list("tag")) {
      try {
        tags.add(ImageRef.parse(t));
      } catch (Failure f) {
        throw new DockerException(
            "invalid argument \""
                + t
                + "\" for \"-t, --tag\" flag: "
                + f.getMessage()
                + "\nSee 'docker build --help'.",
            125);
      }
    }
    boolean quiet = cmd.bool("quiet");
    StringBuilder out = new StringBuilder();
    if (!quiet) {
      String size =
          fromStdin
              ? Units.humanSize(
                  1024
                      + 512
                      + (io.stdin().getBytes(StandardCharsets.UTF_8).length + 511) / 512 * 512,
                  4)
              : context.size();
      out.append(String.format("Sending build context to Docker daemon %8s\r\r%n", size));
    }
    Dockerfile dockerfile;
    try {
      if (fromStdin) {
        dockerfile = Dockerfile.parse(io.stdin(), "Dockerfile");
      } else {
        String name = context.source(file).isPresent() ? context.relative(file) : Paths.name(file);
        dockerfile = Dockerfile.parse(new String(context.read(file), StandardCharsets.UTF_8), name);
      }
    } catch (FsException e) {
      throw DockerException.client(e.getMessage());
    } catch (Failure f) {
      io.out(out.toString());
      throw DockerException.daemon(f.getMessage());
    }
    if (!dockerfile.instructions().get(0).keyword().equals("FROM")) {
      io.out(out.toString());
      throw DockerException.daemon("no build stage in current context");
    }
    Map<String, String> buildArgs = new LinkedHashMap<>();
    for (String a : cmd.list("build-arg")) {
      int eq = a.indexOf('=');
      buildArgs.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
    }
    BuildState state = new BuildState(buildArgs);
    int n = dockerfile.instructions().size();
    Image current = null;
    try {
      for (int i = 0; i < n; i++) {
        Dockerfile.Instruction ins = dockerfile.instructions().get(i);
        if (!quiet) {
          out.append("Step ")
              .append(i + 1)
              .append('/')
              .append(n)
              .append(" : ")
              .append(ins.original())
              .append('\n');
        }
        Step step =
            i == 0
                ? from(ins, state, out, quiet)
                : step(current, ins, state, context, out, quiet, cmd.bool("no-cache"));
        if (step.image().isEmpty()) {
          io.out(out.toString());
          io.errln(
              "The command '" + state.lastRun + "' returned a non-zero code: " + step.failure());
          return step.failure();
        }
        current = step.image().get();
        if (!quiet) {
          out.append(" ---> ").append(current.shortId()).append('\n');
        }
      }
    } catch (Failure | StartFailure f) {
      // Once the steps run, the builder reports errors in its output stream, which the client
      // prints as they are, without the daemon prefix (COPY failed, a FROM that cannot pull).
      io.out(out.toString());
      throw new DockerException(f.getMessage(), 1);
    }
    if (Scratch.is(current)) {
      io.out(out.toString());
      throw new DockerException("No image was generated. Is your Dockerfile empty?", 1);
    }
    for (ImageRef t : tags) {
      engine.images().tag(t.familiarTagged(), current.id());
    }
    if (quiet) {
      io.outln(current.id());
      return 0;
    }
    List<String> unused = unusedBuildArgs(buildArgs.keySet(), dockerfile);
    if (!unused.isEmpty()) {
      out.append("[Warning] One or more build-args ")
          .append(unused.toString().replace(",", ""))
          .append(" were not consumed\n");
    }
    out.append("Successfully built ").append(current.shortId()).append('\n');
    for (ImageRef t : tags) {
      out.append("Successfully tagged ").append(t.familiarTagged()).append('\n');
    }
    io.out(out.toString());
    return 0;
  }

  /** The proxy variables every build accepts without an ARG. */
  private static final java.util.Set<String> BUILTIN_ARGS =
      java.util.Set.of(
          "HTTP_PROXY",
          "http_proxy",
          "HTTPS_PROXY",
          "https_proxy",
          "FTP_PROXY",
          "ftp_proxy",
          "NO_PROXY",
          "no_proxy",
          "ALL_PROXY",
          "all_proxy");

  /** The {@code --build-arg} names no ARG declares, sorted, as the builder warns of them. */
  static List<String> unusedBuildArgs(java.util.Collection<String> given, Dockerfile dockerfile) {
    java.util.Set<String> declared = new java.util.HashSet<>(BUILTIN_ARGS);
    for (Dockerfile.Instruction ins : dockerfile.instructions()) {
      if (ins.keyword().equals("ARG")) {
        String a = ins.args().trim();
        int eq = a.indexOf('=');
        declared.add(eq < 0 ? a : a.substring(0, eq));
      }
    }
    return given.stream().filter(n -> !declared.contains(n)).sorted().toList();
  }

  /** ARG values and ENV as the steps so far set them, for substitution. */
  private static final class BuildState {
    final Map<String, String> buildArgs;
    final Map<String, String> args = new LinkedHashMap<>();
    String lastRun = "";

    BuildState(Map<String, String> buildArgs) {
      this.buildArgs = buildArgs;
    }
  }

  private Step from(
      Dockerfile.Instruction ins, BuildState state, StringBuilder out, boolean quiet) {
    String ref = ins.args().split("\\s+")[0];
    if (ref.equals(Scratch.NAME)) {
      return new Step(Optional.of(Scratch.image(engine.lifecycle().now())), 0);
    }
    Optional<Image> image = engine.images().lookup(ref);
    if (image.isEmpty()) {
      StringBuilder progress = new StringBuilder();
      engine.images().fetch(ImageRef.parse(ref), progress, false);
      if (!quiet) {
        out.append(progress);
      }
      image = engine.images().lookup(ref);
    }
    return new Step(image, 0);
  }

  private Step step(
      Image parent,
      Dockerfile.Instruction ins,
      BuildState state,
      BuildContext context,
      StringBuilder out,
      boolean quiet,
      boolean noCache) {
    String args =
        EXPANDED.contains(ins.keyword())
            ? substitute(ins.args(), parent.config(), state)
            : ins.args();
    String checksum = "";
    if (ins.keyword().equals("COPY") || ins.keyword().equals("ADD")) {
      checksum = context.checksum(sources(args));
    }
    String key =
        parent.id() + "\n" + ins.keyword() + " " + ins.args() + "\n" + checksum + "\n" + state.args;
    String cached = cache.get(key);
    if (!noCache && cached != null && engine.images().byId(cached).isPresent()) {
      if (!quiet) {
        out.append(" ---> Using cache\n");
      }
      trackArg(ins, state);
      return new Step(engine.images().byId(cached), 0);
    }
    Step made =
        switch (ins.keyword()) {
          case "RUN" -> run(parent, ins, state, out, quiet);
          case "COPY", "ADD" -> copy(parent, ins.keyword(), args, checksum, context);
          default -> new Step(Optional.of(metadata(parent, ins, args, state, out, quiet)), 0);
        };
    made.image()
        .ifPresent(
            img -> {
              String was = cache.put(key, img.id());
              engine.undo().record(() -> cache.compute(key, (k, v) -> was));
            });
    return made;
  }

  private static void trackArg(Dockerfile.Instruction ins, BuildState state) {
    if (ins.keyword().equals("ARG")) {
      String a = ins.args();
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      String def = eq < 0 ? "" : a.substring(eq + 1);
      state.args.put(name, state.buildArgs.getOrDefault(name, def));
    }
  }

  /**
   * The instructions whose arguments the builder expands; RUN, CMD and ENTRYPOINT keep {@code $VAR}
   * for the container's shell, so {@code run -e} can change it.
   */
  private static final java.util.Set<String> EXPANDED =
      java.util.Set.of(
          "ENV",
          "LABEL",
          "ADD",
          "COPY",
          "WORKDIR",
          "EXPOSE",
          "VOLUME",
          "USER",
          "STOPSIGNAL",
          "ARG");

  /** {@code $VAR} and {@code ${VAR}} from ENV and ARG, as the builder expands them. */
  private static String substitute(String text, ImageConfig config, BuildState state) {
    Map<String, String> vars = new LinkedHashMap<>(state.args);
    for (String e : config.env()) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        vars.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        b.append('$');
        i++;
      } else if (c == '$' && i + 1 < text.length()) {
        int end;
        String name;
        if (text.charAt(i + 1) == '{') {
          end = text.indexOf('}', i);
          if (end < 0) {
            b.append(c);
            continue;
          }
          name = text.substring(i + 2, end);
          String fallback = "";
          int dash = name.indexOf(":-");
          if (dash >= 0) {
            fallback = name.substring(dash + 2);
            name = name.substring(0, dash);
          }
          b.append(vars.getOrDefault(name, fallback));
          i = end;
        } else {
          end = i + 1;
          while (end < text.length()
              && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
          }
          name = text.substring(i + 1, end);
          if (name.isEmpty()) {
            b.append(c);
            continue;
          }
          b.append(vars.getOrDefault(name, ""));
          i = end - 1;
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private Image metadata(
      Image parent,
      Dockerfile.Instruction ins,
      String args,
      BuildState state,
      StringBuilder out,
      boolean quiet) {
    String cid = engine.ids().next();
    if (!quiet) {
      out.append(" ---> Running in ").append(Ids.shortId(cid)).append('\n');
      out.append("Removing intermediate container ").append(Ids.shortId(cid)).append('\n');
    }
    ImageConfig config = parent.config();
    String shown;
    switch (ins.keyword()) {
      case "MAINTAINER" -> shown = "#(nop)  MAINTAINER " + args;
      case "ARG" -> {
        trackArg(ins, state);
        shown = "#(nop)  ARG " + args;
      }
      case "ONBUILD", "SHELL", "HEALTHCHECK" -> shown = "#(nop)  " + ins.keyword() + " " + args;
      case "WORKDIR" -> {
        config = Changes.apply(config, "WORKDIR " + args);
        shown = "#(nop) WORKDIR " + args;
      }
      case "CMD", "ENTRYPOINT" -> {
        config = Changes.apply(config, ins.keyword() + " " + args);
        List<String> words =
            ins.keyword().equals("CMD")
                ? config.cmd().orElse(List.of())
                : config.entrypoint().orElse(List.of());
        if (ins.keyword().equals("ENTRYPOINT") && ins.execForm().isEmpty()) {
          // A shell-form ENTRYPOINT clears the CMD it would otherwise be given.
          config = config.withCmd(Optional.empty());
        }
        shown = "#(nop)  " + ins.keyword() + " " + goList(words);
      }
      case "LABEL" -> {
        config = Changes.apply(config, "LABEL " + args);
        shown = "#(nop)  LABEL " + args.replace("\"", "");
      }
      default -> {
        config = Changes.apply(config, ins.keyword() + " " + args);
        shown = "#(nop)  " + ins.keyword() + " " + args;
      }
    }
    String author = ins.keyword().equals("MAINTAINER") ? args : parent.author();
    return commit(parent, config, null, "/bin/sh -c " + shown, author);
  }

  private static String goList(List<String> words) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < words.size(); i++) {
      b.append(i > 0 ? " " : "").append('"').append(words.get(i).replace("\"", "\\\"")).append('"');
    }
    return b.append(']').toString();
  }

  /** Makes the image for a step: the parent's layers plus {@code layer} (null for none). */
  private Image commit(
      Image parent, ImageConfig config, Layer layer, String createdBy, String author) {
    if (layer != null && parent.layers().size() >= MAX_LAYER_DEPTH) {
      // The layer store refuses a chain deeper than 125 (docker 20.10.24, overlay2: a FROM busybox
      // with 200 RUN lines stopped at step 126 after "Running in", printing this bare, exit 1).
      throw new StartFailure("max depth exceeded");
    }
    Instant now = engine.lifecycle().now();
    List<Layer> layers = new ArrayList<>(parent.layers());
    if (layer != null) {
      layers.add(layer);
    }
    List<Image.History> history = new ArrayList<>(parent.history());
    history.add(
        new Image.History(now, createdBy, layer == null ? 0 : layer.size(), layer == null, ""));
    Image image =
        Images.build(
            Scratch.is(parent) ? Optional.empty() : Optional.of(parent.id()),
            now,
            config,
            layers,
            history,
            author,
            "",
            Optional.empty());
    engine.images().add(image);
    return image;
  }

  private Step run(
      Image parent,
      Dockerfile.Instruction ins,
      BuildState state,
      StringBuilder out,
      boolean quiet) {
    List<String> argv;
    String createdBy;
    Optional<List<String>> exec = ins.execForm();
    String prefix =
        state.args.isEmpty() ? "" : "|" + state.args.size() + " " + joinArgs(state.args) + " ";
    if (exec.isPresent()) {
      argv = exec.get();
      createdBy = prefix + String.join(" ", argv);
      state.lastRun = String.join(" ", argv);
    } else {
      argv = List.of("/bin/sh", "-c", ins.args());
      createdBy = prefix + "/bin/sh -c " + ins.args();
      state.lastRun = "/bin/sh -c " + ins.args();
    }
    Container c = engine.buildContainer(parent, argv, state.args);
    if (!quiet) {
      out.append(" ---> Running in ").append(c.shortId()).append('\n');
    }
    int mark = c.logs.mark();
    Lifecycle lifecycle = engine.lifecycle();
    Optional<Workload.Exit> exit;
    try {
      lifecycle.start(c);
      exit = lifecycle.runUntilExit(c, lifecycle.now().plus(java.time.Duration.ofDays(1)));
    } catch (Failure f) {
      // A command that cannot start leaves its container behind, as a failed RUN does.
      throw new StartFailure(f.getMessage());
    }
    for (LogBuffer.Entry e : c.logs.since(mark)) {
      if (!quiet) {
        out.append(e.stderr() ? "\u001b[91m" + e.text() + "\u001b[0m" : e.text());
      }
    }
    if (exit.isEmpty()) {
      lifecycle.remove(c);
      out.append(engine.notes().get("build.runTooLong")).append('\n');
      return new Step(Optional.empty(), 1);
    }
    lifecycle.skipTo(exit.get().at());
    if (exit.get().code() != 0) {
      // The classic builder leaves a failed step's container behind for inspection.
      return new Step(Optional.empty(), exit.get().code());
    }
    if (parent.layers().size() >= MAX_LAYER_DEPTH) {
      // The commit fails and the container stays, as on the engine (no "Removing" line).
      throw new StartFailure("max depth exceeded");
    }
    Layer layer = c.files.toLayer();
    lifecycle.remove(c);
    if (!quiet) {
      out.append("Removing intermediate container ").append(c.shortId()).append('\n');
    }
    return new Step(
        Optional.of(commit(parent, parent.config(), layer, createdBy, parent.author())), 0);
  }

  /** The most layers an image may have: the daemon's layer store limit. */
  static final int MAX_LAYER_DEPTH = 125;

  /** A RUN whose command the runtime could not start; the build stops with its message. */
  private static final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
      super(message, null, false, false);
    }
  }

  private static String joinArgs(Map<String, String> args) {
    StringBuilder b = new StringBuilder();
    args.forEach((k, v) -> b.append(b.length() > 0 ? " " : "").append(k).append('=').append(v));
    return b.toString();
  }

  /** The source operands of COPY/ADD (everything but the last word and --flags). */
  private static List<String> sources(String args) {
    List<String> words = new ArrayList<>();
    for (String w : args.trim().split("\\s+")) {
      if (!w.startsWith("--")) {
        words.add(w);
      }
    }
    return words.size() < 2 ? List.of() : words.subList(0, words.size() - 1);
  }

  private Step copy(
      Image parent, String keyword, String args, String checksum, BuildContext context) {
    List<String> words = new ArrayList<>();
    for (String w : args.trim().split("\\s+")) {
      if (!w.startsWith("--")) {
        words.add(w);
      }
    }
    if (words.size() < 2) {
      throw Failure.daemon(
          keyword
              + " requires at least two arguments, but only one was provided. Destination could not be determined.");
    }
    List<String> srcs = words.subList(0, words.size() - 1);
    String dest = words.get(words.size() - 1);
    String workdir = parent.config().workingDir().isEmpty() ? "/" : parent.config().workingDir();
    String destAbs = Paths.resolve(workdir, dest);
    boolean toDir = dest.endsWith("/") || srcs.size() > 1;
    Layer.Builder layer = Layer.builder(engine.lifecycle().now());
    String kind = "file";
    for (String s : srcs) {
      Optional<String> inContext = context.source(s);
      if (inContext.isEmpty() || !context.exists(inContext.get())) {
        throw Failure.daemon(
            keyword
                + " failed: file not found in build context or excluded by .dockerignore: stat "
                + s
                + ": file does not exist");
      }
      String src = inContext.get();
      try {
        if (context.isDirectory(src)) {
          kind = "dir";
          addTree(layer, context, src, destAbs);
        } else {
          byte[] data = context.read(src);
          if (keyword.equals("ADD") && TarReader.isArchive(data)) {
            // ADD unpacks a local archive into the destination directory.
            kind = "file";
            for (TarReader.Entry e : TarReader.read(data)) {
              String path = destAbs + "/" + e.name();
              switch (e.type()) {
                case '5' -> layer.dir(path, e.mode() == 0 ? 0755 : e.mode());
                case '2' -> layer.symlink(path, e.linkTarget());
                default -> layer.file(path, e.content(), e.mode() == 0 ? 0644 : e.mode());
              }
            }
            continue;
          }
          String target = toDir ? destAbs + "/" + Paths.name(src) : destAbs;
          layer.file(target, data, context.isExecutable(src) ? 0755 : 0644);
        }
      } catch (FsException e) {
        throw Failure.daemon(keyword + " failed: " + e.getMessage());
      } catch (java.io.IOException e) {
        throw Failure.daemon(keyword + " failed: " + e.getMessage());
      }
    }
    String createdBy =
        "/bin/sh -c #(nop) " + keyword + " " + kind + ":" + checksum + " in " + dest + " ";
    return new Step(
        Optional.of(commit(parent, parent.config(), layer.build(), createdBy, parent.author())), 0);
  }

  private static void addTree(Layer.Builder layer, BuildContext context, String dir, String dest) {
    layer.dir(dest, 0755);
    for (String name : context.fs().list(dir)) {
      String p = Paths.resolve(dir, name);
      String target = dest + "/" + name;
      var st = context.fs().lstat(p);
      if (st.isDirectory()) {
        addTree(layer, context, p, target);
      } else if (st.isSymlink()) {
        layer.symlink(target, st.linkTarget());
      } else {
        layer.file(target, context.read(p), context.isExecutable(p) ? 0755 : 0644);
      }
    }
  }
}
