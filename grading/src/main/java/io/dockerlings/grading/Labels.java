package io.dockerlings.grading;

import io.dockerlings.lessons.text.Lang;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** The words of the reports, in the language they are written in. */
final class Labels {
  private final Lang lang;
  private final ResourceBundle bundle;

  Labels(Lang lang) {
    this.lang = lang;
    this.bundle =
        ResourceBundle.getBundle(
            "io.dockerlings.grading.report",
            lang == Lang.ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  Lang lang() {
    return lang;
  }

  /** One label. */
  String get(String key) {
    return bundle.getString(key);
  }

  /** One label with {@code {0}}... filled. */
  String format(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
  }

  /** Every label, for templates ({@code {{t.score}}}). */
  Map<String, String> all() {
    Map<String, String> m = new TreeMap<>();
    for (String k : bundle.keySet()) {
      m.put(k, bundle.getString(k));
    }
    return m;
  }
}
