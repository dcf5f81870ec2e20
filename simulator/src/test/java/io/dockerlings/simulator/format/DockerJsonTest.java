package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resources were printed by docker 20.10 ({@code inspect}, {@code -f '{{json .}}'}). */
class DockerJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String resource(String name) {
    try (InputStream in = DockerJsonTest.class.getResourceAsStream("/format/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> elements(String json) {
    try {
      List<JsonNode> out = new ArrayList<>();
      MAPPER.readTree(json).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void inspect_container_matchesEngineByteForByte() {
    String golden = resource("ins-x.json");
    assertEquals(golden, DockerJson.inspect(elements(golden)));
  }

  @Test
  void inspect_image_matchesEngineByteForByte() {
    String golden = resource("ins-bb.json");
    assertEquals(golden, DockerJson.inspect(elements(golden)));
  }

  @Test
  void inspect_controlCharsAndLineSeparator_areEscapedLikeGo() {
    String golden = resource("ins-u.json");
    assertEquals(golden, DockerJson.inspect(elements(golden)));
  }

  @Test
  void inspect_volumeWithHtmlEscaping_matchesVolumeInspect() {
    String golden = resource("vol-v.json");
    assertEquals(golden, DockerJson.inspect(elements(golden), true));
  }

  @Test
  void inspect_twoObjects_areCommaSeparatedAtTopLevel() {
    ObjectNode a = JsonNodeFactory.instance.objectNode().put("A", 1);
    assertEquals(
        "[\n    {\n        \"A\": 1\n    },\n    {}\n]\n",
        DockerJson.inspect(List.of(a, JsonNodeFactory.instance.objectNode())));
  }

  @Test
  void inspect_nothing_printsEmptyArray() {
    assertEquals("[]\n", DockerJson.inspect(List.of()));
  }

  @Test
  void compact_wholeContainer_matchesJsonTemplateFunction() {
    assertEquals(
        resource("json-x.txt"), DockerJson.compact(elements(resource("ins-x.json")).get(0)) + "\n");
    assertEquals(
        resource("json-bb.txt"),
        DockerJson.compact(elements(resource("ins-bb.json")).get(0)) + "\n");
  }

  @Test
  void compact_htmlCharacters_stayRawUnlessAsked() {
    JsonNode labels = JsonNodeFactory.instance.objectNode().put("a.b", "c&<>");
    assertEquals("{\"a.b\":\"c&<>\"}", DockerJson.compact(labels));
    assertEquals("{\"a.b\":\"c\\u0026\\u003c\\u003e\"}", DockerJson.compact(labels, true));
  }

  @Test
  void compact_floats_useGoEncoding() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    assertEquals(
        "[0.5,100,1e+21,1e-7,123456789,-0.000001,12.25]",
        DockerJson.compact(
            f.arrayNode()
                .add(0.5)
                .add(100.0)
                .add(1e21)
                .add(1e-7)
                .add(123456789.0)
                .add(-0.000001)
                .add(12.25)));
  }

  @Test
  void indent_nested_usesFourSpaces() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.putArray("L").add("x").add(f.nullNode());
    o.putObject("E");
    assertEquals(
        "{\n    \"L\": [\n        \"x\",\n        null\n    ],\n    \"E\": {}\n}",
        DockerJson.indent(o, false));
  }
}
