package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateVarsTest {
  @Test
  void get_innermostDeclarationWins_untilPopped() {
    TemplateVars v = new TemplateVars();
    v.push("$x", GoValue.string("outer"));
    int mark = v.mark();
    v.push("$x", GoValue.string("inner"));
    assertEquals("inner", v.get("$x").orElseThrow().text());
    v.pop(mark);
    assertEquals("outer", v.get("$x").orElseThrow().text());
    assertEquals(Optional.empty(), v.get("$y"));
  }

  @Test
  void set_assignsExistingOnly_andSetTopCountsFromTheTop() {
    TemplateVars v = new TemplateVars();
    v.push("$i", GoValue.integer(0));
    v.push("$e", GoValue.integer(0));
    assertTrue(v.set("$i", GoValue.integer(5)));
    assertFalse(v.set("$nope", GoValue.integer(1)));
    v.setTop(1, GoValue.string("e"));
    assertEquals("e", v.get("$e").orElseThrow().text());
    assertEquals(5, v.get("$i").orElseThrow().node().intValue());
  }
}
