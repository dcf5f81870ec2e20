package io.dockerlings.lessons.model;

import io.dockerlings.lessons.goal.Fields;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Bilingual texts read from YAML: {@code {en: ..., zh: ...}}, both present and not blank. */
final class Texts {
  private Texts() {}

  /** A bilingual text; {@code what} names it in the error. */
  static Text of(Fields f, String what) {
    if (f.node().isMissingNode() || f.node().isNull()) {
      throw f.error("missing " + what + " ({en: ..., zh: ...})");
    }
    if (!f.node().isObject()) {
      throw f.error(what + " must be {en: ..., zh: ...}, both languages side by side");
    }
    f.only(Set.of("en", "zh"), what);
    String en = f.has("en") ? f.at("en").text() : "";
    String zh = f.has("zh") ? f.at("zh").text() : "";
    if (en.isBlank()) {
      throw f.error(what + " has no English (en)");
    }
    if (zh.isBlank()) {
      throw f.error(what + " has no Chinese (zh)");
    }
    return new Text(en, joinFolded(zh));
  }

  /**
   * Removes the space a folded YAML line break leaves between two Chinese characters (Chinese puts
   * none there); a space beside a Latin word stays.
   */
  static String joinFolded(String zh) {
    return zh.replaceAll(
        "(?<=[\\u3000-\\u9fff\\uff00-\\uffef]) (?=[\\u3000-\\u9fff\\uff00-\\uffef])", "");
  }

  /** A bilingual text, or a plain one (a command, a number) that reads the same in both. */
  static Text orPlain(Fields f, String what) {
    return f.node().isValueNode() && !f.node().isNull() ? Text.same(f.text()) : of(f, what);
  }

  /** A list of bilingual texts (hints). */
  static List<Text> list(Fields f, String what) {
    List<Text> out = new ArrayList<>();
    if (f.node().isMissingNode() || f.node().isNull()) {
      return out;
    }
    if (!f.node().isArray()) {
      throw f.error(what + " must be a list");
    }
    for (Fields item : f.items()) {
      out.add(of(item, what));
    }
    return out;
  }
}
