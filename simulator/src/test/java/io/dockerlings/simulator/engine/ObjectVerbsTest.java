package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.CommandSpec;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectVerbsTest {
  private static final CommandSpec SPEC =
      new CommandSpec("volume ls", List.of(), "volume ls", "", "", "", List.of(), 0, -1, true);

  private static ParsedCommand cmd(Map<String, List<String>> flags, String... args) {
    return new ParsedCommand("volume ls", SPEC, flags, List.of(args));
  }

  private static ObjectNode volumeRow(String name) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("Driver", "local");
    o.put("Name", name);
    return o;
  }

  @Test
  void nameFilter_withNoNameFilters_passesEverything() {
    ObjectVerbs.NameFilter f = ObjectVerbs.NameFilter.of(List.of("dangling=true"));
    assertTrue(f.matches("anything"));
  }

  @Test
  void nameFilter_withNames_passesNamesContainingOne() {
    ObjectVerbs.NameFilter f = ObjectVerbs.NameFilter.of(List.of("name=web", "name=db"));
    assertEquals(List.of("web", "db"), f.parts());
    assertTrue(f.matches("my-web-1"));
    assertTrue(f.matches("db"));
    assertFalse(f.matches("cache"));
  }

  @Test
  void printList_quiet_printsTheIdsOnly() {
    CommandIo io = new CommandIo("");
    int exit =
        ObjectVerbs.printList(
            cmd(Map.of("quiet", List.of("true"))),
            io,
            Listing.VOLUMES,
            List.of("a", "b"),
            List.of(volumeRow("a"), volumeRow("b")));
    assertEquals(0, exit);
    assertEquals("a\nb\n", io.stdout());
  }

  @Test
  void printList_withoutFormat_printsTheDefaultTable() {
    CommandIo io = new CommandIo("");
    ObjectVerbs.printList(
        cmd(Map.of()), io, Listing.VOLUMES, List.of("a"), List.of(volumeRow("a")));
    assertEquals(Listing.VOLUMES.render("", List.of(volumeRow("a"))), io.stdout());
    assertTrue(io.stdout().startsWith("DRIVER"));
  }

  @Test
  void printInspect_withAMissingReference_printsTheFoundAndExitsOne() {
    CommandIo io = new CommandIo("");
    JsonNode doc = JsonNodeFactory.instance.objectNode().put("Name", "a");
    int exit =
        ObjectVerbs.printInspect(
            cmd(Map.of("format", List.of("{{.Name}}")), "a", "zz"),
            io,
            "volume",
            ref -> ref.equals("a") ? Optional.of(doc) : Optional.empty(),
            false);
    assertEquals(1, exit);
    assertEquals("a\n", io.stdout());
    assertEquals("Error: No such volume: zz\n", io.stderr());
  }

  @Test
  void printInspect_withEscapeHtml_escapesTheJson() {
    CommandIo io = new CommandIo("");
    JsonNode doc = JsonNodeFactory.instance.objectNode().put("Name", "<a>");
    int exit =
        ObjectVerbs.printInspect(cmd(Map.of(), "x"), io, "volume", ref -> Optional.of(doc), true);
    assertEquals(0, exit);
    assertEquals("[\n    {\n        \"Name\": \"\\u003ca\\u003e\"\n    }\n]\n", io.stdout());
  }

  @Test
  void inspect_formatWithNothingFound_printsAnEmptyLineAndTheError() {
    CommandIo io = new CommandIo("");
    int exit =
        ObjectVerbs.printInspect(
            cmd(Map.of("format", List.of("{{.Name}}")), "zz"),
            io,
            "volume",
            ref -> Optional.empty(),
            false);
    assertEquals(1, exit);
    assertEquals("\n", io.stdout());
    assertEquals("Error: No such volume: zz\n", io.stderr());
  }

  @Test
  void inspect_errors_followTheArgumentOrder() {
    CommandIo io = new CommandIo("");
    JsonNode doc = JsonNodeFactory.instance.objectNode().put("Name", "a");
    ObjectVerbs.printInspect(
        cmd(Map.of("format", List.of("{{.Nope}}")), "a", "zz"),
        io,
        "volume",
        ref -> ref.equals("a") ? Optional.of(doc) : Optional.empty(),
        false);
    assertEquals("\n", io.stdout());
    assertEquals(
        "template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for"
            + " key \"Nope\"\nError: No such volume: zz\n",
        io.stderr());
  }

  @Test
  void pruneConfirmed_withForce_asksNothing() {
    CommandIo io = new CommandIo("");
    assertTrue(ObjectVerbs.pruneConfirmed(cmd(Map.of("force", List.of("true"))), io, "Gone."));
    assertEquals("", io.stdout());
  }

  @Test
  void pruneConfirmed_withoutYes_asksAndRefuses() {
    CommandIo io = new CommandIo("n\n");
    assertFalse(ObjectVerbs.pruneConfirmed(cmd(Map.of()), io, "Gone."));
    assertEquals("WARNING! Gone.\nAre you sure you want to continue? [y/N] ", io.stdout());
    assertTrue(ObjectVerbs.pruneConfirmed(cmd(Map.of()), new CommandIo(" Y \n"), "Gone."));
  }

  @Test
  void printPruned_withNothingRemoved_printsNothing() {
    CommandIo io = new CommandIo("");
    ObjectVerbs.printPruned(io, "Deleted Volumes:", List.of());
    assertEquals("", io.stdout());
  }

  @Test
  void printPruned_withRemoved_printsHeadingNamesAndABlankLine() {
    CommandIo io = new CommandIo("");
    ObjectVerbs.printPruned(io, "Deleted Networks:", List.of("a", "b"));
    assertEquals("Deleted Networks:\na\nb\n\n", io.stdout());
  }
}
