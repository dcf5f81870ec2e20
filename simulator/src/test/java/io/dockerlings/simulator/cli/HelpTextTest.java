package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelpTextTest {
  private static final String TEXT =
      "\nUsage:  docker container ls [OPTIONS]\n\nList containers\n\nAliases:\n  ls, ps, list\n\n"
          + "Options:\n"
          + "  -a, --all             Show all containers (default shows just running)\n"
          + "  -n, --last int        Show n last created containers (includes all\n"
          + "                        states) (default -1)\n"
          + "      --gpus gpu-request   GPU devices\n"
          + "      --format string   Pretty-print containers using a Go template\n";

  @Test
  void usageDescriptionAndAliases() {
    assertEquals("docker container ls [OPTIONS]", HelpText.usage(TEXT));
    assertEquals("List containers", HelpText.description(TEXT));
    assertEquals(List.of("ls", "ps", "list"), HelpText.aliases(TEXT));
  }

  @Test
  void flags_kindsTypesAndWrappedDefaults() {
    List<FlagSpec> flags = HelpText.flags(TEXT);
    assertEquals(4, flags.size());
    assertEquals(
        new FlagSpec("all", Optional.of('a'), FlagKind.BOOL, "", Optional.empty()), flags.get(0));
    assertEquals(
        new FlagSpec("last", Optional.of('n'), FlagKind.STRING, "int", Optional.of("-1")),
        flags.get(1));
    assertEquals(FlagKind.LIST, flags.get(2).kind());
    assertEquals("gpu-request", flags.get(2).typeWord());
  }

  @Test
  void commandListing_keepsShortDescriptions() {
    String group =
        "\nUsage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n"
            + "  create      Create a volume\n  rm          Remove one or more volumes\n\n"
            + "Run 'docker volume COMMAND --help' for more information on a command.\n";
    assertEquals(List.of("create", "rm"), HelpText.commandNames(group));
    assertEquals("Remove one or more volumes", HelpText.commandListing(group).get("rm"));
  }

  @Test
  void arity_fromUsage() {
    assertEquals(List.of(1, -1), arity("docker rm [OPTIONS] CONTAINER [CONTAINER...]"));
    assertEquals(List.of(1, 1), arity("docker build [OPTIONS] PATH | URL | -"));
    assertEquals(List.of(1, 2), arity("docker top CONTAINER [ps OPTIONS]"));
    assertEquals(
        List.of(2, 2),
        arity(
            "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n"
                + "\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH"));
    assertEquals(List.of(0, 0), arity("docker network ls [OPTIONS]"));
  }

  private static List<Integer> arity(String usage) {
    int[] a = HelpText.arity(usage);
    return List.of(a[0], a[1]);
  }
}
