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
    return Stream.concat(
        Transcript.read("inspect-x.transcript").stream(),
        Transcript.read("inspect-x-more.transcript").stream());
  }

  private static final JsonNode IMAGE =
      DockerJsonTest.elements(DockerJsonTest.resource("ins-bb.json")).get(0);

  static Stream<Transcript> imageRuns() {
    return Stream.concat(
        Transcript.read("image.transcript").stream(),
        Transcript.read("image-define.transcript").stream());
  }

  private static final JsonNode PUBLISHED =
      DockerJsonTest.elements(DockerJsonTest.resource("inspect-p.json")).get(0);

  static Stream<Transcript> publishedRuns() {
    return Transcript.read("inspect-p.transcript").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedRuns")
  void execute_portsVolumesAndLabels_matchEngine(Transcript golden) {
    assertEquals(golden.render(), inspect(golden.template(), PUBLISHED).render());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imageRuns")
  void execute_imageInspectTemplate_matchesEngine(Transcript golden) {
    assertEquals(golden.render(), inspect(golden.template(), IMAGE).render());
  }

  private static final JsonNode VOLUME =
      DockerJsonTest.elements(DockerJsonTest.resource("volume-inspect.json")).get(0);

  static Stream<Transcript> volumeRuns() {
    return Transcript.read("volume.transcript").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("volumeRuns")
  void execute_volumeInspect_hasNoJsonFallback(Transcript golden) {
    assertEquals(
        golden.render(),
        inspect(golden.template(), VOLUME, TemplateOptions.typedInspect("types.Volume")).render());
  }

  private static final JsonNode NETWORK =
      DockerJsonTest.elements(DockerJsonTest.resource("network-inspect.json")).get(0);

  static Stream<Transcript> networkRuns() {
    return Transcript.read("network.transcript").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networkRuns")
  void execute_networkInspect_matchesEngine(Transcript golden) {
    assertEquals(golden.render(), inspect(golden.template(), NETWORK).render());
  }

  private static Transcript inspect(String template) {
    return inspect(template, CONTAINER);
  }

  /** What {@code docker inspect -f} prints for one object: stdout, stderr, exit code. */
  private static Transcript inspect(String template, JsonNode data) {
    return inspect(template, data, TemplateOptions.inspect());
  }

  private static Transcript inspect(String template, JsonNode data, TemplateOptions options) {
    try {
      String out = GoTemplate.parse(template).execute(data, options);
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

  private static final List<JsonNode> PS_ROWS =
      DockerJsonTest.elements(
          "[" + DockerJsonTest.resource("ps-rows.jsonl").trim().replace("\n", ",") + "]");

  /** docker 20.10's column titles of {@code docker ps}. */
  private static final JsonNode PS_HEADERS =
      JsonNodeFactory.instance
          .objectNode()
          .put("ID", "CONTAINER ID")
          .put("Image", "IMAGE")
          .put("Command", "COMMAND")
          .put("CreatedAt", "CREATED AT")
          .put("RunningFor", "CREATED")
          .put("Ports", "PORTS")
          .put("Status", "STATUS")
          .put("Size", "SIZE")
          .put("Names", "NAMES")
          .put("Labels", "LABELS")
          .put("Mounts", "MOUNTS")
          .put("Networks", "NETWORKS")
          .put("State", "STATE")
          .put("LocalVolumes", "LOCAL VOLUMES");

  private static final String PS_DEFAULT =
      "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}"
          + "\\t{{.Names}}";

  /** ps's Label method: the value of one label, "" when absent (rows carry "k=v,k=v"). */
  private static final TemplateOptions PS_ROW =
      TemplateOptions.context("*formatter.ContainerContext")
          .withMethod(
              "Label",
              new TemplateOptions.Method(
                  1,
                  (row, args) -> {
                    String want = args.get(0).asText() + "=";
                    for (String pair : row.get("Labels").asText().split(",")) {
                      if (pair.startsWith(want)) {
                        return JsonNodeFactory.instance.textNode(pair.substring(want.length()));
                      }
                    }
                    return JsonNodeFactory.instance.textNode("");
                  }));

  /** The header's Label method: the last dot-separated part of the key, - and _ as spaces. */
  private static final TemplateOptions PS_HEADER =
      TemplateOptions.header()
          .withMethod(
              "Label",
              new TemplateOptions.Method(
                  1,
                  (h, args) -> {
                    String[] parts = args.get(0).asText().split("\\.", -1);
                    return JsonNodeFactory.instance.textNode(
                        parts[parts.length - 1].replace('-', ' ').replace('_', ' '));
                  }));

  static Stream<Transcript> psRuns() {
    return Transcript.read("ps.transcript").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("psRuns")
  void formatList_psFormat_matchesEngine(Transcript golden) {
    String format = golden.template().equals("table") ? PS_DEFAULT : golden.template();
    Transcript mine;
    try {
      // docker ps first checks the raw format over an empty container (positions count from it).
      GoTemplate raw = GoTemplate.parse(format);
      com.fasterxml.jackson.databind.node.ObjectNode empty = JsonNodeFactory.instance.objectNode();
      PS_HEADERS.fieldNames().forEachRemaining(f -> empty.put(f, ""));
      raw.execute(empty, PS_ROW);
      String out = GoTemplate.formatList(format, PS_ROWS, PS_ROW, PS_HEADER, PS_HEADERS);
      mine = new Transcript(golden.template(), out, "", 0);
    } catch (TemplateException e) {
      String prefix =
          e.isParseError() ? "failed to parse template: " : "failed to execute template: ";
      mine = new Transcript(golden.template(), "", prefix + e.getMessage() + "\n", 1);
    }
    assertEquals(golden.render(), mine.render());
  }

  private static final List<JsonNode> IMAGE_ROWS =
      DockerJsonTest.elements(
          "[" + DockerJsonTest.resource("images-rows.jsonl").trim().replace("\n", ",") + "]");

  /** docker 20.10's column titles of {@code docker images}. */
  private static final JsonNode IMAGE_HEADERS =
      JsonNodeFactory.instance
          .objectNode()
          .put("ID", "IMAGE ID")
          .put("Repository", "REPOSITORY")
          .put("Tag", "TAG")
          .put("Digest", "DIGEST")
          .put("CreatedSince", "CREATED")
          .put("CreatedAt", "CREATED AT")
          .put("Size", "SIZE")
          .put("Containers", "CONTAINERS")
          .put("VirtualSize", "SIZE")
          .put("SharedSize", "SHARED SIZE")
          .put("UniqueSize", "UNIQUE SIZE");

  static Stream<Transcript> imagesRuns() {
    return Transcript.read("images.transcript").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imagesRuns")
  void formatList_imagesFormat_matchesEngine(Transcript golden) {
    String format =
        golden.template().equals("table")
            ? "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}"
            : golden.template();
    Transcript mine;
    try {
      String out =
          GoTemplate.formatList(
              format,
              IMAGE_ROWS,
              TemplateOptions.context("*formatter.imageContext"),
              TemplateOptions.header(),
              IMAGE_HEADERS);
      mine = new Transcript(golden.template(), out, "", 0);
    } catch (TemplateException e) {
      mine =
          new Transcript(
              golden.template(), "", "template parsing error: " + e.getMessage() + "\n", 1);
    }
    assertEquals(golden.render(), mine.render());
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

  @org.junit.jupiter.api.Test
  void parse_hundredThousandUnclosedParens_isUnclosedAction() {
    // Checked on docker 20.10.24 (go1.19.8): the lexer's EOF error, not a crash.
    TemplateException e =
        assertThrows(TemplateException.class, () -> GoTemplate.parse("{{" + "(".repeat(100_000)));
    assertEquals("template: :1: unclosed action", e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void execute_sixtyFiveThousandNestedParens_evaluates() throws TemplateException {
    // The deepest nesting one 128 KiB argument can hold; docker 20.10.24 prints 1.
    String text = "{{" + "(".repeat(65_000) + "1" + ")".repeat(65_000) + "}}";
    assertEquals("1", GoTemplate.parse(text).execute(CONTAINER));
  }

  @org.junit.jupiter.api.Test
  void execute_eightThousandNestedIfs_evaluates() throws TemplateException {
    String text = "{{if 1}}".repeat(8_000) + "x" + "{{end}}".repeat(8_000);
    assertEquals("x", GoTemplate.parse(text).execute(CONTAINER));
  }

  @org.junit.jupiter.api.Test
  void parse_errorOnLineTenThousand_namesThatLine() {
    TemplateException e =
        assertThrows(
            TemplateException.class, () -> GoTemplate.parse("x\n".repeat(9_999) + "{{end}}"));
    assertEquals("template: :10000: unexpected {{end}}", e.getMessage());
  }
}
