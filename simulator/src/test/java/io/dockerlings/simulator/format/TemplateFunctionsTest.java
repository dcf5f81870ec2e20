package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class TemplateFunctionsTest {
  @Test
  void truth_followsGo() {
    assertFalse(TemplateFunctions.truth(GoValue.string("")));
    assertFalse(TemplateFunctions.truth(GoValue.integer(0)));
    assertFalse(TemplateFunctions.truth(GoValue.MISSING_VALUE));
    assertFalse(TemplateFunctions.truth(GoValue.nil()));
    assertTrue(TemplateFunctions.truth(GoValue.string("0")));
    assertTrue(
        TemplateFunctions.truth(
            new GoValue(
                JsonNodeFactory.instance.objectNode(), GoValue.Kind.STRUCT, "struct", false, "")));
  }

  @Test
  void lookup_headerVariant_passesTheColumnTitleThrough() {
    TemplateFunctions.Fn split = TemplateFunctions.lookup("split", true);
    assertTrue(split.variadic() == null && split.params().size() == 2);
    assertFalse(TemplateFunctions.lookup("split", false).body() == split.body());
  }

  @Test
  void lookup_everyName_isDefined() {
    for (String name : TemplateFunctions.NAMES) {
      assertTrue(TemplateFunctions.lookup(name, false) != null, name);
    }
    assertThrows(IllegalArgumentException.class, () -> TemplateFunctions.lookup("nope", false));
  }
}
