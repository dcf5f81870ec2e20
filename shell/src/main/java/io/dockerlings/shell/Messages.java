package io.dockerlings.shell;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/** The REPL's own words in the learner's language: English or Simplified Chinese. */
final class Messages {
  /** The languages there are messages for, as {@code --lang} and {@code lang} take them. */
  static final List<String> LANGUAGES = List.of("en", "zh-CN");

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(Locale locale) {
    this.locale = locale;
    // No fallback to the JVM's default locale: English asked for is English on a Chinese desktop.
    this.bundle =
        ResourceBundle.getBundle(
            "io.dockerlings.shell.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The messages for a language asked for by name ({@code en}, {@code zh-CN}, {@code zh_CN}). */
  static Optional<Messages> forLanguage(String tag) {
    String t = tag.toLowerCase(Locale.ROOT).replace('_', '-');
    if (t.equals("zh") || t.startsWith("zh-")) {
      return Optional.of(new Messages(Locale.SIMPLIFIED_CHINESE));
    }
    if (t.equals("en") || t.startsWith("en-")) {
      return Optional.of(new Messages(Locale.ENGLISH));
    }
    return Optional.empty();
  }

  /** The messages for the user's locale: Chinese for any Chinese locale, English otherwise. */
  static Messages forLocale(Locale locale) {
    return new Messages(
        locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
  }

  /** The language tag of these messages, one of {@link #LANGUAGES}. */
  String language() {
    return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  /** The locale of these messages: English or Simplified Chinese, for the engines' own notes. */
  Locale locale() {
    return locale;
  }

  /** The message under {@code key}, with {@code args} put into its placeholders. */
  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
