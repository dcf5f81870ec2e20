package io.dockerlings.lessons.demo;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandLineException;
import java.util.List;
import java.util.Optional;

/**
 * One command of a demo as written in its file: a docker command line, optionally with a
 * here-document ({@code docker build -t x - <<'EOF'} then lines then {@code EOF}) that becomes its
 * standard input.
 *
 * @param shown the command as the presenter types it, here-document included
 * @param argv its words
 * @param stdin what is piped into it
 */
public record DemoCommand(String shown, List<String> argv, String stdin) {
  public DemoCommand {
    argv = List.copyOf(argv);
  }

  /** Reads a command as written; empty with the reason when it is not a docker command line. */
  public static Result parse(String written) {
    String text = written.strip();
    String first = text;
    String stdin = "";
    int nl = text.indexOf('\n');
    if (nl >= 0) {
      first = text.substring(0, nl);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\s*<<-?\\s*'?([A-Za-z_]+)'?\\s*$").matcher(first);
      if (!m.find()) {
        return Result.error("only a here-document may follow a command on further lines");
      }
      String end = m.group(1);
      String body = text.substring(nl + 1);
      int stop = body.lastIndexOf("\n" + end);
      if (!body.strip().endsWith(end)) {
        return Result.error("the here-document does not end with " + end);
      }
      stdin = (stop < 0 ? "" : body.substring(0, stop)) + "\n";
      first = first.substring(0, m.start());
    }
    List<String> argv;
    try {
      argv = CommandLine.split(first);
    } catch (CommandLineException e) {
      return Result.error(e.getMessage());
    } catch (RuntimeException e) {
      return Result.error("cannot read the command: " + e.getMessage());
    }
    if (argv.isEmpty() || !argv.get(0).equals("docker")) {
      return Result.error("a demo command starts with docker: " + first);
    }
    return new Result(Optional.of(new DemoCommand(text, argv, stdin)), "");
  }

  /** A parsed command or the reason it could not be parsed. */
  public record Result(Optional<DemoCommand> command, String error) {
    static Result error(String why) {
      return new Result(Optional.empty(), why);
    }
  }
}
