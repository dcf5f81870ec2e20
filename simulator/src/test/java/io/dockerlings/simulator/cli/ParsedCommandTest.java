package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedCommandTest {
  private static final CommandSpec SPEC =
      new CommandSpec(
          "container rm",
          List.of("rm"),
          "rm",
          "docker rm [OPTIONS] CONTAINER [CONTAINER...]",
          "Remove one or more containers",
          "",
          List.of(),
          1,
          -1,
          true);

  @Test
  void bool_withLastValueFalse_isFalse() {
    ParsedCommand c =
        new ParsedCommand(
            "container rm", SPEC, Map.of("force", List.of("true", "false")), List.of());
    assertFalse(c.bool("force"));
    assertTrue(c.isSet("force"));
  }

  @Test
  void list_keepsOrderAndString_takesLast() {
    ParsedCommand c =
        new ParsedCommand("container rm", SPEC, Map.of("env", List.of("A=1", "B=2")), List.of("x"));
    assertEquals(List.of("A=1", "B=2"), c.list("env"));
    assertEquals("B=2", c.string("env", "none"));
    assertEquals("none", c.string("format", "none"));
    assertEquals("rm", c.helpName());
  }

  @Test
  void integer_readsTheValueAsTheFlagParserDoes_andIntValueHoldsItToAnInt() {
    ParsedCommand c =
        new ParsedCommand(
            "container stop",
            SPEC,
            Map.of(
                "time", List.of("0x10"),
                "last", List.of("1_000"),
                "cpu-quota", List.of("99999999999"),
                "shares", List.of("-0o17")),
            List.of("x"));
    assertEquals(16, c.integer("time", 10));
    assertEquals(1000, c.intValue("last", 0));
    assertEquals(99999999999L, c.integer("cpu-quota", 0));
    assertEquals(Integer.MAX_VALUE, c.intValue("cpu-quota", 0));
    assertEquals(-15, c.intValue("shares", 0));
    assertEquals(10, c.intValue("missing", 10));
  }
}
