package io.dockerlings.real;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Ids;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker build} on a real engine with the classic builder: the context directory is sent as
 * a tar, the engine's step stream is printed as the CLI prints it, and the image carries the
 * sandbox's labels while its tags go to the ledger.
 *
 * <p>The engine applies build labels as one extra {@code LABEL} step at the end; that step is not
 * the learner's, so it is left out of the output, and the last step shows the labelled image. Tags
 * that already name an image the sandbox did not make are refused before anything is built.
 */
final class RealBuild {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)", Pattern.DOTALL);

  private final RealContext ctx;

  RealBuild(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    return Map.of("image build", this::build);
  }

  private int build(ParsedCommand cmd, CommandIo io) {
    String arg = cmd.args().get(0);
    // "docker build -": the Dockerfile is piped in and the context holds it and nothing else.
    boolean fromStdin = arg.equals("-");
    Path context = fromStdin ? null : ctx.file(arg);
    if (!fromStdin && !Files.isDirectory(context)) {
      throw new DockerException("unable to prepare context: path \"" + arg + "\" not found", 1);
    }
    Path dockerfile =
        fromStdin ? null : cmd.string("file").map(ctx::file).orElse(context.resolve("Dockerfile"));
    if (!fromStdin && !Files.isRegularFile(dockerfile)) {
      throw new DockerException(
          "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
              + dockerfile
              + ": no such file or directory",
          1);
    }
    List<String> tags = new ArrayList<>();
    for (String t : cmd.list("tag")) {
      String why = Refs.problem(t).orElse(null);
      if (why != null) {
        throw new DockerException(
            "invalid argument \""
                + t
                + "\" for \"-t, --tag\" flag: "
                + why
                + "\nSee 'docker build --help'.",
            125);
      }
      String tagged = Refs.tagged(t);
      if (!ctx.sandbox().ownsTag(tagged)
          && ctx.api().get("/images/" + EngineApi.escape(tagged) + "/json").isPresent()) {
        throw ctx.notOurs("image", tagged);
      }
      tags.add(t);
    }
    String dockerfileName;
    byte[] tar;
    if (fromStdin) {
      dockerfileName = "Dockerfile";
      tar = stdinContext(io.stdinBytes());
    } else if (dockerfile.startsWith(context)) {
      dockerfileName = context.relativize(dockerfile).toString().replace(File.separatorChar, '/');
      tar = tar(context, null, null);
    } else {
      // As the CLI does, a Dockerfile from outside the context travels inside it under a name
      // nobody else uses.
      byte[] random = new byte[10];
      new SecureRandom().nextBytes(random);
      dockerfileName = ".dockerfile." + HexFormat.of().formatHex(random);
      tar = tar(context, dockerfile, dockerfileName);
    }
    boolean quiet = cmd.bool("quiet");
    String sending =
        String.format("Sending build context to Docker daemon %8s\r\r%n", size(tar.length));
    JsonMessages messages = new JsonMessages();
    try {
      ctx.api().stream(
          "POST",
          "/build?" + query(cmd, tags, dockerfileName),
          Map.of("Content-Type", "application/x-tar"),
          new ByteArrayInputStream(tar),
          messages::accept);
    } catch (DockerException e) {
      if (!quiet) {
        io.out(sending);
      }
      throw e;
    }
    String imageId = messages.aux() == null ? null : messages.aux().path("ID").asText(null);
    String text =
        hideSandboxLabel(
            messages.output(), imageId == null ? "" : imageId, ctx.sandbox().labels().size());
    if (messages.failed()) {
      // The engine removed the failed step's container because we asked it to (it cannot carry
      // the sandbox's labels); the CLI, which leaves it, prints no such line.
      text = text.replaceFirst("Removing intermediate container [0-9a-f]+\n$", "");
      if (quiet) {
        io.err(text);
      } else {
        io.out(sending + text);
      }
      io.errln(messages.error());
      return messages.exitCode();
    }
    for (String t : tags) {
      ctx.sandbox().recordTag(Refs.tagged(t));
    }
    // Quiet, the engine's stream is just the image ID.
    io.out(quiet ? text : sending + text);
    return 0;
  }

  private String query(ParsedCommand cmd, List<String> tags, String dockerfileName) {
    StringBuilder q = new StringBuilder("rm=1&forcerm=1");
    q.append("&dockerfile=").append(EngineApi.escape(dockerfileName));
    for (String t : tags) {
      q.append("&t=").append(EngineApi.escape(t));
    }
    if (cmd.bool("no-cache")) {
      q.append("&nocache=1");
    }
    if (cmd.bool("quiet")) {
      q.append("&q=1");
    }
    // Sorted by name, as the CLI's JSON encoder writes a map: the daemon lists unused arguments
    // in the order it received them (from a random starting point, so mostly sorted).
    java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
    for (String a : cmd.list("build-arg")) {
      int eq = a.indexOf('=');
      if (eq >= 0) {
        sorted.put(a.substring(0, eq), a.substring(eq + 1));
      } else {
        // The CLI takes a bare name's value from its own environment.
        sorted.put(a, System.getenv(a));
      }
    }
    ObjectNode args = JSON.createObjectNode();
    sorted.forEach(args::put);
    Map<String, String> labels = new LinkedHashMap<>();
    for (String l : cmd.list("label")) {
      int eq = l.indexOf('=');
      labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
    }
    labels.putAll(ctx.sandbox().labels());
    try {
      q.append("&buildargs=").append(EngineApi.escape(JSON.writeValueAsString(args)));
      q.append("&labels=").append(EngineApi.escape(JSON.writeValueAsString(labels)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return q.toString();
  }

  /** The size the CLI shows for the context: go-units with four significant digits. */
  static String size(long bytes) {
    return Units.humanSize(bytes, 4);
  }

  /**
   * The engine's build output without the sandbox's {@code LABEL} steps (the engine adds one per
   * build label): their lines go, the remaining steps are numbered again, and the last {@code --->}
   * line shows the final image, which carries the labels.
   */
  static String hideSandboxLabel(String text, String finalId, int sandboxLabels) {
    List<String> kept = new ArrayList<>();
    int hidden;
    int total = 0;
    boolean skipping = false;
    for (String line : text.split("(?<=\n)")) {
      Matcher m = STEP.matcher(line);
      if (m.matches()) {
        total = Integer.parseInt(m.group(2));
        skipping = m.group(3).startsWith("LABEL io.dockerlings.");
      } else if (line.startsWith("Successfully built ") || line.startsWith("[Warning] ")) {
        // The builder's warnings (unused build arguments) follow the last step: they are the
        // learner's, not the hidden label step's.
        skipping = false;
      }
      if (!skipping) {
        kept.add(line);
      }
    }
    if (total == 0) {
      return text;
    }
    // A build that failed early never reached the label steps; its totals still count them.
    hidden = sandboxLabels;
    int step = 0;
    int lastResult = -1;
    for (int i = 0; i < kept.size(); i++) {
      Matcher m = STEP.matcher(kept.get(i));
      if (m.matches()) {
        step++;
        kept.set(i, "Step " + step + "/" + (total - hidden) + " : " + m.group(3));
      } else if (isResult(kept.get(i))) {
        lastResult = i;
      }
    }
    if (!finalId.isEmpty() && lastResult >= 0) {
      kept.set(lastResult, " ---> " + Ids.shortId(finalId) + "\n");
    }
    return String.join("", kept);
  }

  private static boolean isResult(String line) {
    return line.startsWith(" ---> ")
        && !line.startsWith(" ---> Running in ")
        && !line.startsWith(" ---> Using cache");
  }

  /**
   * The context as the CLI sends it: every file and directory under {@code dir} in name order,
   * minus what {@code .dockerignore} excludes, plus an outside Dockerfile when there is one.
   */
  static byte[] tar(Path dir, Path extraFile, String extraName) {
    List<Rule> ignore = ignoreRules(dir);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 512);
        Stream<Path> walk = Files.walk(dir)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path p : walk.sorted().toList()) {
        String name = dir.relativize(p).toString().replace('\\', '/');
        if (name.isEmpty() || ignored(ignore, name)) {
          continue;
        }
        add(tar, p, Files.isDirectory(p) ? name + "/" : name);
      }
      if (extraFile != null) {
        add(tar, extraFile, extraName);
      }
      tar.finish();
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    }
    return bytes.toByteArray();
  }

  /** The context of {@code docker build -}: the piped Dockerfile alone, built in memory. */
  /**
   * What {@code docker build -} sends for its stdin: a tar (plain or gzip-compressed) is the build
   * context as it is, as the CLI recognises an archive; anything else is a Dockerfile, alone in a
   * context of its own.
   */
  static byte[] stdinContext(byte[] stdin) {
    boolean gzip = stdin.length >= 2 && (stdin[0] & 0xff) == 0x1f && (stdin[1] & 0xff) == 0x8b;
    boolean tar =
        stdin.length >= 262
            && new String(stdin, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("ustar");
    return gzip || tar ? stdin : stdinTar(stdin);
  }

  private static byte[] stdinTar(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 512)) {
      TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
      entry.setMode(0100600);
      entry.setSize(data.length);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
      tar.finish();
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    }
    return bytes.toByteArray();
  }

  private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
    // Name, mode, size and time only: what the CLI's archive holds, so the sizes agree.
    boolean dir = Files.isDirectory(file);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(dir ? 040755 : Files.isExecutable(file) ? 0100755 : 0100644);
    entry.setSize(dir ? 0 : Files.size(file));
    // Whole seconds, as the CLI sends them; a finer time would add an extended header.
    entry.setModTime(Files.getLastModifiedTime(file).toMillis() / 1000 * 1000);
    tar.putArchiveEntry(entry);
    if (Files.isRegularFile(file)) {
      Files.copy(file, tar);
    }
    tar.closeArchiveEntry();
  }

  /**
   * One {@code .dockerignore} line: a glob, or an exception to earlier ones when it starts with !.
   */
  private record Rule(PathMatcher glob, boolean exclude) {}

  private static List<Rule> ignoreRules(Path dir) {
    Path file = dir.resolve(".dockerignore");
    List<Rule> rules = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rules;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String p = line.strip();
        if (p.isEmpty() || p.startsWith("#")) {
          continue;
        }
        boolean exception = p.startsWith("!");
        p = Path.of("/", exception ? p.substring(1) : p).normalize().toString().substring(1);
        rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + p), !exception));
      }
    } catch (IOException e) {
      throw DockerException.client(e.getMessage());
    }
    return rules;
  }

  private static boolean ignored(List<Rule> rules, String name) {
    String bare = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (bare.equals("Dockerfile") || bare.equals(".dockerignore")) {
      // The CLI always sends these two, whatever .dockerignore says.
      return false;
    }
    boolean excluded = false;
    for (Rule r : rules) {
      Path path = Path.of(bare);
      for (int i = 1; i <= path.getNameCount(); i++) {
        if (r.glob().matches(path.subpath(0, i))) {
          excluded = r.exclude();
          break;
        }
      }
    }
    return excluded;
  }
}
