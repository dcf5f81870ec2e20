package io.dockerlings.lessons.run;

import io.dockerlings.lessons.text.Text;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The lesson runner's own words, from its resource bundles in English and zh-CN. */
final class Says {
  private static final ResourceBundle EN = bundle(Locale.ENGLISH);
  private static final ResourceBundle ZH = bundle(Locale.SIMPLIFIED_CHINESE);

  private Says() {}

  private static ResourceBundle bundle(Locale l) {
    return ResourceBundle.getBundle(
        "io.dockerlings.lessons.run.says",
        l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The message {@code key} in both languages, with {@code args} filled in. */
  static Text text(String key, Object... args) {
    return new Text(
        new MessageFormat(EN.getString(key), Locale.ENGLISH).format(args),
        new MessageFormat(ZH.getString(key), Locale.SIMPLIFIED_CHINESE).format(args));
  }
}
