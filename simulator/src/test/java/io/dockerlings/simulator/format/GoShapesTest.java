package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.format.GoValue.Kind;
import org.junit.jupiter.api.Test;

class GoShapesTest {
  private static final GoShapes TYPED =
      new GoShapes(false, TemplateOptions.DOCKER_MAP_FIELDS, TemplateOptions.DOCKER_POINTER_FIELDS);

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void child_nullsTakeTheirFieldsKind() throws Exception {
    GoValue parent = TYPED.of(json("{\"Labels\":null,\"Health\":null,\"Cmd\":null}"), null);
    assertEquals(Kind.NIL_MAP, TYPED.child(parent, "Labels", parent.node().get("Labels")).kind());
    assertEquals(Kind.NIL, TYPED.child(parent, "Health", parent.node().get("Health")).kind());
    assertEquals(Kind.NIL_SLICE, TYPED.child(parent, "Cmd", parent.node().get("Cmd")).kind());
  }

  @Test
  void of_state_restoresOmittedHealth() throws Exception {
    GoValue root = TYPED.of(json("{\"State\":{\"Status\":\"created\"}}"), null);
    GoValue state = TYPED.child(root, "State", root.node().get("State"));
    assertEquals("{created <nil>}", GoFormat.print(state, TYPED));
    assertEquals("{\"Status\":\"created\"}", TYPED.original(state.node()).toString());
  }

  @Test
  void of_portMap_hasNatType() throws Exception {
    GoValue root = TYPED.of(json("{\"Ports\":{}}"), null);
    assertEquals("nat.PortMap", TYPED.child(root, "Ports", root.node().get("Ports")).type());
  }

  @Test
  void goTime_printsLikeTimeString() {
    assertEquals(
        "2026-11-23 05:24:11.340107665 +0000 UTC",
        GoShapes.goTime("2026-11-23T05:24:11.340107665Z"));
    assertEquals("0001-01-01 00:00:00 +0000 UTC", GoShapes.goTime("0001-01-01T00:00:00Z"));
  }
}
