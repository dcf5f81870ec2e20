package io.dockerlings.real;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Real mode's own notes (never the engine's or the docker CLI's words) in the session's language:
 * English or Simplified Chinese. A note with arguments goes through {@link MessageFormat} (a single
 * quote written twice in the bundle); one without is printed as written. Numbers arrive as text.
 */
final class RealNotes {
  static final String BUNDLE = "io.dockerlings.real.notes";
  static final RealNotes ENGLISH = new RealNotes(Locale.ENGLISH);
  static final RealNotes CHINESE = new RealNotes(Locale.SIMPLIFIED_CHINESE);

  private final Locale locale;
  private final ResourceBundle bundle;

  private RealNotes(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The notes for {@code language}: Chinese for any Chinese locale, English otherwise. */
  static RealNotes of(Locale language) {
    return language != null && language.getLanguage().equals("zh") ? CHINESE : ENGLISH;
  }

  Locale locale() {
    return locale;
  }

  /** The note under {@code key}, with {@code args} put into its placeholders. */
  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
