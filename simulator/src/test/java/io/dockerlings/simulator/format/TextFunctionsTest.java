package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected texts were printed by docker 20.10 templates using the same functions. */
class TextFunctionsTest {
  @Test
  void title_capitalisesAfterSeparators() {
    assertEquals("Hello World-X_y", TextFunctions.title("hello world-x_y"));
    assertEquals("Élan Vital ß", TextFunctions.title("élan vital ß"));
  }

  @Test
  void mapRunes_keepsSharpSAsGoDoes() {
    assertEquals("STRAßE", TextFunctions.mapRunes("straße", Character::toUpperCase));
  }

  @Test
  void padAndTruncate() {
    assertEquals(
        " ab  ",
        TextFunctions.pad(List.of(GoValue.string("ab"), GoValue.integer(1), GoValue.integer(2)))
            .text());
    assertEquals(
        "",
        TextFunctions.pad(List.of(GoValue.string(""), GoValue.integer(1), GoValue.integer(2)))
            .text());
    assertEquals(
        "hé", TextFunctions.truncate(List.of(GoValue.string("héllo"), GoValue.integer(3))).text());
  }

  @Test
  void split_emptyStringGivesOneEmptyElement() {
    assertEquals(1, TextFunctions.split(List.of(GoValue.string(""), GoValue.string(","))).length());
    assertEquals(
        3, TextFunctions.split(List.of(GoValue.string("abc"), GoValue.string(""))).length());
  }

  @Test
  void escapers() {
    assertEquals("&lt;a&amp;b&gt;", TextFunctions.html("<a&b>"));
    assertEquals("a+b%26c", TextFunctions.urlquery("a b&c"));
    assertEquals("a\\u003Cb\\'", TextFunctions.js("a<b'"));
  }
}
