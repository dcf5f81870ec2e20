package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerCliTest {
  private static final CommandSpecs SPECS = CommandSpecs.load();

  private final List<ParsedCommand> seen = new ArrayList<>();

  private final DockerCli cli =
      new DockerCli(
          SPECS,
          Map.of(
              "container ls",
              (cmd, io) -> {
                seen.add(cmd);
                io.outln("listed");
                return 0;
              },
              "container rm",
              (cmd, io) -> {
                throw DockerException.daemon("No such container: " + cmd.args().get(0));
              },
              "container kill",
              (cmd, io) -> {
                throw new IllegalStateException("boom");
              },
              "container run",
              (cmd, io) -> {
                seen.add(cmd);
                return 0;
              }),
          DockerCli.VERSION_LINE);

  private CommandResult run(String... words) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(Arrays.asList(words));
    return cli.execute(argv, "");
  }

  @Test
  void aliases_reachTheHandlerOfTheCanonicalPath() {
    for (String[] words :
        List.of(
            new String[] {"ps"},
            new String[] {"container", "ls"},
            new String[] {"container", "list"},
            new String[] {"container", "ps"})) {
      assertEquals("listed\n", run(words).stdout());
    }
    assertEquals("container ls", seen.get(0).path());
    assertEquals("ps", seen.get(0).helpName());
    assertEquals("container ls", seen.get(2).helpName());
  }

  @Test
  void globalOptions_areAcceptedBeforeTheCommand() {
    assertEquals(0, run("-D", "--log-level", "warn", "-c", "default", "ps", "-a").exitCode());
    assertTrue(seen.get(0).bool("all"));
  }

  @Test
  void version_onlyWhenNoCommandRuns() {
    assertEquals(DockerCli.VERSION_LINE + "\n", run("--version").stdout());
    assertEquals(DockerCli.VERSION_LINE + "\n", run("-v", "nosuch").stdout());
    assertEquals("listed\n", run("-v", "ps").stdout());
  }

  @Test
  void bareDocker_printsHelpOnStderr_andHelpOnStdout() {
    CommandResult bare = run();
    assertEquals(0, bare.exitCode());
    assertTrue(bare.stderr().startsWith("\nUsage:  docker [OPTIONS] COMMAND\n"));
    assertEquals(bare.stderr(), run("--help").stdout());
    assertEquals(bare.stderr(), run("help").stdout());
  }

  @Test
  void commandHelp_isPrintedWithoutRunningTheCommand() {
    CommandResult r = run("ps", "--help");
    assertEquals(SPECS.find("ps").orElseThrow().helpText(), r.stdout());
    assertTrue(seen.isEmpty());
    CommandResult shorthand = run("ps", "-h");
    assertTrue(
        shorthand
            .stdout()
            .startsWith("Flag shorthand -h has been deprecated, please use --help\n\nUsage:"));
    assertEquals(
        SPECS.find("container ls").orElseThrow().helpText(),
        run("help", "container", "ls").stdout());
  }

  @Test
  void groups_withoutSubcommand_printTheirHelp_onStderrWithExit0_orExit1WhenUnknown() {
    CommandResult bare = run("container");
    assertEquals(0, bare.exitCode());
    assertTrue(bare.stderr().startsWith("\nUsage:  docker container COMMAND"));
    CommandResult unknown = run("container", "foo");
    assertEquals(1, unknown.exitCode());
    assertEquals(bare.stderr(), unknown.stderr());
  }

  @Test
  void unknownCommand_isWordedLikeTheCli() {
    CommandResult r = run("foo");
    assertEquals(1, r.exitCode());
    assertEquals("docker: 'foo' is not a docker command.\nSee 'docker --help'\n", r.stderr());
  }

  @Test
  void realCommandWithoutHandler_saysItIsNotSimulated() {
    CommandResult r = run("stop", "x");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("'docker stop' is a real docker command"), r.stderr());
    assertTrue(run("events").stderr().contains("'docker events' is a real docker command"));
    assertTrue(run("system", "df").stderr().contains("'docker system df'"));
  }

  @Test
  void arity_isCheckedBeforeTheHandler_withTheUsageOfThePathTyped() {
    CommandResult r = run("container", "list", "x");
    assertEquals(1, r.exitCode());
    assertEquals(
        "\"docker container ls\" accepts no arguments.\nSee 'docker container ls --help'.\n\n"
            + "Usage:  docker container ls [OPTIONS]\n\nList containers\n",
        r.stderr());
    assertTrue(seen.isEmpty());
  }

  @Test
  void flagErrors_exit125() {
    CommandResult r = run("ps", "--foo");
    assertEquals(125, r.exitCode());
    assertEquals("unknown flag: --foo\nSee 'docker ps --help'.\n", r.stderr());
  }

  @Test
  void rootFlagErrors_carryTheUsageWithoutHiddenCommands() {
    CommandResult r = run("--foo", "ps");
    assertEquals(125, r.exitCode());
    assertTrue(
        r.stderr().startsWith("unknown flag: --foo\nSee 'docker --help'.\n\nUsage:  docker"));
    assertTrue(!r.stderr().contains("completion"));
    assertTrue(r.stderr().endsWith("docs.docker.com/go/guides/\n\n"));
  }

  @Test
  void handlerErrors_becomeStderrAndExitCode() {
    CommandResult r = run("rm", "x");
    assertEquals(1, r.exitCode());
    assertEquals("Error response from daemon: No such container: x\n", r.stderr());
  }

  @Test
  void handlerDefects_doNotEscape() {
    CommandResult r = run("kill", "x");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("simulator fault"), r.stderr());
    assertTrue(r.stderr().contains("boom"));
  }

  @Test
  void run_passesEverythingAfterTheImageToTheContainer() {
    run("run", "--rm", "busybox", "ls", "--help", "-h");
    assertEquals(List.of("busybox", "ls", "--help", "-h"), seen.get(0).args());
  }

  @Test
  void badGlobalOptions_failBeforeAnyCommand() {
    assertEquals("Unable to parse logging level: bogus\n", run("-l", "bogus", "ps").stderr());
    assertEquals(
        "unable to resolve docker endpoint: context \"x\" does not exist\n",
        run("--context", "x", "ps").stderr());
    CommandResult remote = run("-H", "tcp://10.0.0.1:2375", "ps");
    assertEquals(
        "Cannot connect to the Docker daemon at tcp://10.0.0.1:2375. Is the docker daemon"
            + " running?\n",
        remote.stderr());
    assertTrue(seen.isEmpty());
  }

  @Test
  void commandNames_listOnlyWhatHasAHandler() {
    List<String> names = cli.commandNames();
    assertTrue(
        names.containsAll(List.of("ps", "rm", "run", "container", "help")), names.toString());
    assertTrue(!names.contains("stop") && !names.contains("image"), names.toString());
    assertTrue(cli.flagNames("run").contains("--detach"));
  }
}
