package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplCommandsTest {
  private final ReplCommands commands = ReplCommands.standard();

  @Test
  void table_holdsTheCommandsTheBriefNames() {
    assertEquals(
        List.of(
            "help",
            "history",
            "explain",
            "mode",
            "demo",
            "show",
            "experiment",
            "import-file",
            "exercise",
            "reset",
            "clear",
            "lang",
            "exit",
            "lessons",
            "lesson",
            "next",
            "hint",
            "solution",
            "check",
            "answer",
            "skip",
            "back",
            "undo",
            "restart",
            "progress",
            "quit"),
        commands.names());
  }

  @Test
  void find_givesTheEntry_orNothing() {
    assertEquals("help.exit", commands.find("quit").orElseThrow().helpKey());
    assertFalse(commands.find("quit").orElseThrow().listed());
    assertTrue(commands.find("docker").isEmpty());
  }

  @Test
  void everyCommand_hasHelpInBothLanguages_andAUsageStartingWithItsName() {
    for (String lang : Messages.LANGUAGES) {
      Messages m = Messages.forLanguage(lang).orElseThrow();
      for (ReplCommands.ReplCommand c : commands.all()) {
        assertFalse(m.get(c.helpKey()).isBlank(), c.name());
        assertTrue(c.usage().startsWith(c.name()), c.usage());
      }
    }
  }

  @Test
  void argumentChoices_ofHelpAreTheListedCommands() {
    List<String> listed =
        commands.all().stream().filter(c -> c.listed()).map(c -> c.name()).toList();
    assertEquals(listed, commands.find("help").orElseThrow().argumentChoices());
    assertEquals(Messages.LANGUAGES, commands.find("lang").orElseThrow().argumentChoices());
  }
}
