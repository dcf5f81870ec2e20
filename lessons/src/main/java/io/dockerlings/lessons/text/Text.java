package io.dockerlings.lessons.text;

import java.util.Objects;

/**
 * A text a learner reads, in English and simplified Chinese side by side, so that a missing
 * translation is caught where the text is written rather than shown as a gap.
 *
 * @param en the English text
 * @param zh the zh-CN text
 */
public record Text(String en, String zh) {
  public Text {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(zh, "zh");
  }

  /** The text in {@code lang}. */
  public String in(Lang lang) {
    return lang == Lang.ZH ? zh : en;
  }

  /** Whether both languages say something. */
  public boolean isComplete() {
    return !en.isBlank() && !zh.isBlank();
  }

  /** A text whose two languages are the same words (a command, a number, a path). */
  public static Text same(String both) {
    return new Text(both, both);
  }

  /** This text with {@code {name}} placeholders filled in both languages. */
  public Text fill(String name, String value) {
    String key = "{" + name + "}";
    return new Text(en.replace(key, value), zh.replace(key, value));
  }
}
