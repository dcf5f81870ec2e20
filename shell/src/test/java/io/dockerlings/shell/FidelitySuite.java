package io.dockerlings.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fidelity suite: scenario scripts, one per command family, run through batch mode in compare
 * mode; a command agrees when both engines exit alike and print the same after normalising. The
 * report gives the share of agreeing commands per family and lists the others with their verdict.
 */
final class FidelitySuite {
  /** The families, each a script {@code fidelity/NAME.txt} among the test resources. */
  static final List<String> FAMILIES =
      List.of(
          "containers",
          "processes",
          "resources",
          "inspect",
          "images",
          "build",
          "packaging",
          "registry",
          "networks",
          "volumes",
          "cli",
          "cgroups",
          "namespaces",
          "notes-dockerfile",
          "notes-storage",
          "notes-basics",
          "notes-layers",
          "notes-ports",
          "notes-daemon");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One command of a script, as both engines answered it; {@code detail} holds both outputs, and
   * {@code sameExit} whether their exit codes agree.
   */
  record Command(
      String family, String line, boolean agrees, String verdict, String detail, boolean sameExit) {
    Command(String family, String line, boolean agrees, String verdict) {
      this(family, line, agrees, verdict, "", agrees);
    }
  }

  /**
   * One family's figures; {@code hostLines} are the script's lines that ran on the simulated host
   * only (compare mode gives a host line to the simulator alone), which are not compared.
   */
  record Family(String name, List<Command> commands, List<String> hostLines) {
    Family(String name, List<Command> commands) {
      this(name, commands, List.of());
    }

    long agreeing() {
      return commands.stream().filter(Command::agrees).count();
    }

    long sameExit() {
      return commands.stream().filter(Command::sameExit).count();
    }

    double share() {
      return commands.isEmpty() ? 0 : 100.0 * agreeing() / commands.size();
    }
  }

  /** The scripts name everything they create with this prefix, replaced by {@link #prefix()}. */
  static final String SCRIPT_PREFIX = "dl-fid-";

  private FidelitySuite() {}

  /**
   * The names' prefix for this run: {@code FIDELITY_PREFIX} when set, else {@code dl-fid-} and four
   * random hex digits, so two runs on a shared engine never touch each other's objects.
   */
  static String prefix() {
    String given = System.getenv("FIDELITY_PREFIX");
    if (given != null && given.matches("[a-z0-9][a-z0-9-]*")) {
      return given.endsWith("-") ? given : given + "-";
    }
    return String.format(
        Locale.ROOT, "%s%04x-", SCRIPT_PREFIX, new java.util.Random().nextInt(0x10000));
  }

  /** Runs every family; {@code context} is an empty directory the build family may fill. */
  static List<Family> run(Path context) {
    String prefix = prefix();
    List<Family> families = new ArrayList<>();
    for (String name : FAMILIES) {
      List<String> hostLines = new ArrayList<>();
      List<Command> commands = runScript(name, script(name, context, prefix), context, hostLines);
      families.add(new Family(name, commands, hostLines));
    }
    return families;
  }

  static String script(String family, Path context, String prefix) {
    try (InputStream in = FidelitySuite.class.getResourceAsStream("/fidelity/" + family + ".txt")) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(SCRIPT_PREFIX, prefix);
      if (text.contains("{{context}}")) {
        Files.writeString(
            context.resolve("Dockerfile"),
            "FROM busybox\nENV STAGE=fidelity\nRUN echo built > /built.txt\n"
                + "COPY hello.txt /hello.txt\nCMD [\"cat\", \"/hello.txt\"]\n");
        Files.writeString(context.resolve("hello.txt"), "hello from the build context\n");
        // The context is the session's workspace (real mode reads files only there): "." is it.
        text = text.replace("{{context}}", ".");
      }
      // {{context:NAME}}: a build context of its own, copied from fidelity/contexts/NAME.
      java.util.regex.Matcher named =
          java.util.regex.Pattern.compile("\\{\\{context:([a-z0-9-]+)}}").matcher(text);
      while (named.find()) {
        Path dir = Files.createDirectories(context.resolve(named.group(1)));
        try (InputStream df =
            FidelitySuite.class.getResourceAsStream(
                "/fidelity/contexts/" + named.group(1) + "/Dockerfile")) {
          Files.write(dir.resolve("Dockerfile"), df.readAllBytes());
        }
      }
      text = text.replaceAll("\\{\\{context:([a-z0-9-]+)}}", "$1");
      // A host port other users of the engine may hold is asked for a free one, one per script.
      if (text.contains("{{port}}")) {
        text = text.replace("{{port}}", Integer.toString(freePort()));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A TCP port nothing listens on now, as the kernel picks one. */
  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Command> runScript(
      String family, String script, Path workspace, List<String> hostLines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new String[] {
              "--batch", "--json", "--backend", "compare", "--workspace", workspace.toString()
            },
            new BufferedReader(new StringReader(script)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    if (exit != 0) {
      throw new IllegalStateException(
          "batch mode failed on " + family + ": " + err.toString(StandardCharsets.UTF_8));
    }
    List<Command> commands = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode o = JSON.readTree(line);
        if (!o.has("simulator")) {
          // A host line: compare mode ran it on the simulated host only.
          hostLines.add(o.path("command").asText());
          continue;
        }
        boolean agrees = o.path("sameExit").asBoolean() && o.path("differingLines").asInt() == 0;
        String detail =
            agrees
                ? ""
                : "simulator (exit "
                    + o.path("simulator").path("exit").asInt()
                    + "):\n"
                    + o.path("simulator").path("stdout").asText()
                    + o.path("simulator").path("stderr").asText()
                    + "engine (exit "
                    + o.path("engine").path("exit").asInt()
                    + "):\n"
                    + o.path("engine").path("stdout").asText()
                    + o.path("engine").path("stderr").asText();
        commands.add(
            new Command(
                family,
                o.path("command").asText(),
                agrees,
                o.path("verdict").asText(),
                detail,
                o.path("sameExit").asBoolean()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return commands;
  }

  /** The report as Markdown: a table of families, then the commands that do not agree. */
  static String report(List<Family> families) {
    StringBuilder b =
        new StringBuilder(
            "| family | commands | agree | share | same exit |\n|---|---:|---:|---:|---:|\n");
    long total = 0;
    long agree = 0;
    long exits = 0;
    for (Family f : families) {
      total += f.commands().size();
      agree += f.agreeing();
      exits += f.sameExit();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.0f%% | %d |%n",
              f.name(),
              f.commands().size(),
              f.agreeing(),
              f.share(),
              f.sameExit()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "| **all** | %d | %d | **%.2f%%** | %d |%n",
            total,
            agree,
            total == 0 ? 0 : 100.0 * agree / total,
            exits));
    b.append("\nLines run on the simulated host only, not compared:\n\n");
    for (Family f : families) {
      for (String h : f.hostLines()) {
        b.append("- `").append(f.name()).append("`: `").append(h).append("`\n");
      }
    }
    b.append("\nCommands that do not agree yet:\n\n");
    for (Family f : families) {
      for (Command c : f.commands()) {
        if (!c.agrees()) {
          b.append("- `")
              .append(c.family())
              .append("`: `")
              .append(c.line())
              .append("` (")
              .append(c.verdict())
              .append(")\n");
        }
      }
    }
    return b.toString();
  }

  /** Both engines' outputs of every command that does not agree, for finding out why. */
  static String details(List<Family> families) {
    StringBuilder b = new StringBuilder();
    for (Family f : families) {
      for (Command c : f.commands()) {
        if (!c.agrees()) {
          b.append("## ").append(f.name()).append(": ").append(c.line()).append("\n\n```\n");
          b.append(c.detail()).append("```\n\n");
        }
      }
    }
    return b.toString();
  }
}
