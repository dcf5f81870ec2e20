package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
  private static final String NETWORK_HELP =
      "\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n"
          + "  connect     Connect a container to a network\n"
          + "  create      Create a network\n"
          + "  ls          List networks\n\n"
          + "Run 'docker network COMMAND --help' for more information on a command.\n";
  private static final String CONTAINER_HELP =
      "\nUsage:  docker container COMMAND\n\nCommands:\n"
          + "  ls          List containers\n"
          + "  rm          Remove one or more containers\n"
          + "  run         Run a command in a new container\n\n";

  private final FakeBackend backend =
      new FakeBackend()
          .answer("docker network --help", CommandResult.of(0, NETWORK_HELP, ""))
          .answer("docker container --help", CommandResult.of(0, CONTAINER_HELP, ""));
  private final Completion completion = new Completion(backend, ReplCommands.standard());

  private List<String> values(String... words) {
    return completion.complete(List.of(words), words.length - 1).stream()
        .map(Completion.Candidate::value)
        .toList();
  }

  @Test
  void firstWord_offersDockerAndTheReplCommands() {
    List<String> v = values("");
    assertEquals("docker", v.get(0));
    assertTrue(v.containsAll(ReplCommands.standard().names()), v.toString());
  }

  @Test
  void replCommandArgument_comesFromTheCommandTable() {
    assertEquals(List.of("en", "zh-CN"), values("lang", ""));
    assertEquals(List.of(), values("reset", ""));
    assertEquals(List.of(), values("lang", "en", ""));
  }

  @Test
  void secondWord_offersTheBackendsCommands() {
    assertEquals(backend.commandNames(), values("docker", "r"));
  }

  @Test
  void managementCommand_offersSubcommandsReadFromItsHelp() {
    assertEquals(List.of("connect", "create", "ls"), values("docker", "network", ""));
    assertEquals(List.of("--driver", "-d"), values("docker", "network", "create", "-"));
  }

  @Test
  void flags_followTheCommand() {
    assertEquals(List.of("--all", "-a"), values("docker", "ps", "--a"));
  }

  @Test
  void operands_areImagesOrContainersAsTheCommandTakes() {
    assertEquals(backend.images, values("docker", "run", ""));
    assertEquals(backend.images, values("docker", "container", "run", ""));
    assertEquals(backend.containers, values("docker", "rm", "-f", ""));
    assertEquals(backend.containers, values("docker", "container", "rm", ""));
    assertEquals(backend.containers, values("docker", "network", "connect", "net", ""));
    assertEquals(List.of(), values("docker", "network", "ls", ""));
  }

  @Test
  void subcommandHelp_isAskedOncePerWord() {
    values("docker", "network", "");
    values("docker", "network", "");
    long asked =
        backend.executed.stream()
            .filter(a -> a.equals(List.of("docker", "network", "--help")))
            .count();
    assertEquals(1, asked);
  }

  @Test
  void otherWords_getNothing() {
    assertEquals(List.of(), values("ls", ""));
  }

  @Test
  void parseCommandsSection_readsTheWordsUnderCommands() {
    assertEquals(List.of("connect", "create", "ls"), Completion.parseCommandsSection(NETWORK_HELP));
    assertEquals(List.of(), Completion.parseCommandsSection("Usage:  docker ps [OPTIONS]\n"));
  }

  @Test
  void waitingFor_runsBeforeTheEngineIsAsked_andNotForTheFirstWord() {
    java.util.concurrent.atomic.AtomicInteger waits =
        new java.util.concurrent.atomic.AtomicInteger();
    completion.waitingFor(waits::incrementAndGet);
    values("");
    values("lesson", "");
    assertEquals(0, waits.get());
    values("docker", "");
    values("docker", "rm", "");
    assertEquals(2, waits.get());
  }
}
