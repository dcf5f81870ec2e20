package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays templates recorded on docker 20.10 against the same inspect data. */
class GoTemplateTest {
  private static final JsonNode CONTAINER =
      DockerJsonTest.elements(DockerJsonTest.resource("inspect-x.json")).get(0);

  static Stream<Transcript> inspectRuns() {
    return Transcript.read("inspect-x.transcript").stream();
  }

  /** What {@code docker inspect -f} prints for one container: stdout, stderr, exit code. */
  private static Transcript inspect(String template) {
    try {
      String out = GoTemplate.parse(template).execute(CONTAINER, TemplateOptions.inspect());
      return new Transcript(template, out + "\n", "", 0);
    } catch (TemplateException e) {
      return new Transcript(
          template,
          e.isParseError() ? "" : "\n",
          "template parsing error: " + e.getMessage() + "\n",
          e.isParseError() ? 64 : 1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inspectRuns")
  void execute_inspectTemplate_matchesEngine(Transcript golden) {
    assertEquals(golden.render(), inspect(golden.template()).render());
  }

  @org.junit.jupiter.api.Test
  void parse_error_isFlaggedAsParseError() {
    TemplateException e = assertThrows(TemplateException.class, () -> GoTemplate.parse("{{"));
    assertTrue(e.isParseError());
    assertEquals("template: :1: unclosed action", e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void execute_error_keepsPartialOutput() throws TemplateException {
    GoTemplate t = GoTemplate.parse("a{{.Names}}b{{.Nope}}c");
    TemplateException e =
        assertThrows(
            TemplateException.class,
            () ->
                t.execute(
                    JsonNodeFactory.instance.objectNode().put("Names", "x"),
                    TemplateOptions.context("*formatter.ContainerContext")));
    assertFalse(e.isParseError());
    assertEquals("axb", e.partialOutput());
    assertEquals(
        "template: :1:14: executing \"\" at <.Nope>: can't evaluate field Nope in type"
            + " *formatter.ContainerContext",
        e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void listTemplate_stripsTableAndTurnsEscapesIntoTabs() {
    assertTrue(GoTemplate.isTable("table {{.ID}}"));
    assertFalse(GoTemplate.isTable("{{.ID}} table"));
    assertEquals(
        "{{.ID}}\t{{.Names}}\n", GoTemplate.listTemplate("table  {{.ID}}\\t{{.Names}}\\n "));
    assertEquals(List.of(), List.of());
  }
}
