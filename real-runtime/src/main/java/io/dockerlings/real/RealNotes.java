package io.dockerlings.real;

import io.dockerlings.simulator.notes.LanguageBundle;
import java.util.Locale;

/**
 * Real mode's own notes (never the engine's or the docker CLI's words) in the session's language:
 * English or Simplified Chinese. A note with arguments goes through {@link java.text.MessageFormat}
 * (a single quote written twice in the bundle); one without is printed as written. Numbers arrive
 * as text. Loaded as the simulator's notes are ({@link LanguageBundle}).
 */
final class RealNotes {
  static final String BUNDLE = "io.dockerlings.real.notes";
  static final RealNotes ENGLISH = new RealNotes(Locale.ENGLISH);
  static final RealNotes CHINESE = new RealNotes(Locale.SIMPLIFIED_CHINESE);

  private final LanguageBundle bundle;

  private RealNotes(Locale locale) {
    this.bundle = new LanguageBundle(BUNDLE, locale);
  }

  /** The notes for {@code language}: Chinese for any Chinese locale, English otherwise. */
  static RealNotes of(Locale language) {
    return LanguageBundle.chinese(language) ? CHINESE : ENGLISH;
  }

  Locale locale() {
    return bundle.locale();
  }

  /** The note under {@code key}, with {@code args} put into its placeholders. */
  String get(String key, Object... args) {
    return bundle.get(key, args);
  }
}
