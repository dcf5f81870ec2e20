package io.dockerlings.lessons.text;

import java.util.Locale;
import java.util.Optional;

/** The languages everything a learner reads exists in: English and simplified Chinese. */
public enum Lang {
  EN("en"),
  ZH("zh-CN");

  private final String tag;

  Lang(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag the REPL's {@code lang} command and {@code --lang} accept. */
  public String tag() {
    return tag;
  }

  /** The language a tag or locale names ({@code en}, {@code zh}, {@code zh-CN}), if either. */
  public static Optional<Lang> of(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String t = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (t.equals("en") || t.startsWith("en-")) {
      return Optional.of(EN);
    }
    if (t.equals("zh") || t.startsWith("zh-")) {
      return Optional.of(ZH);
    }
    return Optional.empty();
  }

  /** The language of a locale, English unless it is Chinese. */
  public static Lang of(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh") ? ZH : EN;
  }
}
