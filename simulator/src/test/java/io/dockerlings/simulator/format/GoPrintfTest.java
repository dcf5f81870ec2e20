package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expected texts were printed by docker 20.10's printf for the same arguments. */
class GoPrintfTest {
  private static final GoShapes SHAPES = new GoShapes(false, Set.of(), Set.of());

  private static String f(String format, GoValue... args) {
    return GoPrintf.sprintf(format, List.of(args), SHAPES);
  }

  @Test
  void sprintf_numbersWithFlags() {
    assertEquals(
        "3 a  3.14|7   |+5|FF|10|A|U+0041|1.234500e+03|1.2e-05",
        f(
            "%d %s %5.2f|%-4d|%+d|%X|%o|%c|%U|%e|%g",
            GoValue.integer(3),
            GoValue.string("a"),
            GoValue.floating(3.14159),
            GoValue.integer(7),
            GoValue.integer(5),
            GoValue.integer(255),
            GoValue.integer(8),
            GoValue.integer(65),
            GoValue.integer(65),
            GoValue.floating(1234.5),
            GoValue.floating(0.000012)));
  }

  @Test
  void sprintf_strings() {
    assertEquals(
        "     abc|ab      |\"a\\\"b\"|c3a9|`ab`",
        f(
            "%8.3s|%-8s|%q|%x|%#q",
            GoValue.string("abcdef"),
            GoValue.string("ab"),
            GoValue.string("a\"b"),
            GoValue.string("é"),
            GoValue.string("ab")));
  }

  @Test
  void sprintf_diagnostics() {
    assertEquals("%!s(MISSING)", f("%s"));
    assertEquals("%!s(int=1)%!(EXTRA int=2)", f("%s", GoValue.integer(1), GoValue.integer(2)));
    assertEquals("%!z(int=1)", f("%z", GoValue.integer(1)));
    assertEquals("%!(NOVERB)", f("%"));
    assertEquals("%!d(string=x)", f("%d", GoValue.string("x")));
    assertEquals("%!s(<nil>)|<nil>", f("%s|%v", GoValue.nil(), GoValue.nil()));
  }

  @Test
  void sprintf_typeVerb() {
    assertEquals("string int", f("%T %T", GoValue.string("x"), GoValue.integer(1)));
  }
}
