package io.dockerlings.lessons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void in_givesEachLanguage() {
    Text t = new Text("container", "容器");
    assertEquals("container", t.in(Lang.EN));
    assertEquals("容器", t.in(Lang.ZH));
  }

  @Test
  void isComplete_withABlankTranslation_isFalse() {
    assertFalse(new Text("container", " ").isComplete());
    assertTrue(new Text("container", "容器").isComplete());
  }

  @Test
  void constructor_withNull_isRejected() {
    assertThrows(NullPointerException.class, () -> new Text(null, "容器"));
  }

  @Test
  void fill_replacesThePlaceholderInBoth() {
    Text t = new Text("{name} is running", "{name} 正在运行").fill("name", "web");
    assertEquals(new Text("web is running", "web 正在运行"), t);
  }
}
