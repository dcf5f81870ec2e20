package io.dockerlings.shell;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The REPL's own words in the learner's language (English or Simplified Chinese). */
final class Messages {
  private final ResourceBundle bundle;
  private final Locale locale;

  Messages(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("io.dockerlings.shell.messages", locale);
  }

  /** English unless the locale or {@code --lang} asks for Chinese. */
  static Messages forTag(String tag) {
    String t = tag == null ? "" : tag.toLowerCase(Locale.ROOT).replace('_', '-');
    return new Messages(t.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
  }

  Locale locale() {
    return locale;
  }

  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
