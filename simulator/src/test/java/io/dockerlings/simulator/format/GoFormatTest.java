package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoFormatTest {
  private static final GoShapes TYPED = new GoShapes(false, Set.of("Labels"), Set.of("Health"));
  private static final GoShapes RAW = new GoShapes(true, Set.of(), Set.of());

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void print_structAndMap_likeGo() throws Exception {
    JsonNode n =
        json("{\"B\":\"x\",\"Labels\":{\"z\":\"1\",\"a\":\"2\"},\"L\":[1,2],\"Health\":null}");
    assertEquals("{x map[a:2 z:1] [1 2] <nil>}", GoFormat.print(TYPED.of(n, null), TYPED));
    assertEquals(
        "map[B:x Health:<nil> L:[1 2] Labels:map[a:2 z:1]]", GoFormat.print(RAW.of(n, null), RAW));
  }

  @Test
  void print_missing_isNoValue() {
    assertEquals("<no value>", GoFormat.print(GoValue.MISSING_VALUE, TYPED));
  }

  @Test
  void sprint_addsSpacesOnlyBetweenNonStrings() {
    List<GoValue> args =
        List.of(
            GoValue.string("a"),
            GoValue.integer(1),
            GoValue.integer(2),
            GoValue.string("b"),
            GoValue.nil(),
            GoValue.bool(true));
    assertEquals("a1 2b<nil> true", GoFormat.sprint(args, TYPED));
    assertEquals("a 1 2 b <nil> true\n", GoFormat.sprintln(args, TYPED));
  }

  @Test
  void typeName_ofRawValues() throws Exception {
    assertEquals("json.Number", GoFormat.typeName(RAW.of(json("1"), null)));
    assertEquals("[]interface {}", GoFormat.typeName(RAW.of(json("[1]"), null)));
  }
}
