package io.dockerlings.simulator.notes;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The simulator's own one-line notes (never docker's, busybox's or the kernel's words) in the
 * session's language: English or Simplified Chinese.
 *
 * <p>A note without arguments is its bundle text as written; a note with arguments goes through
 * {@link MessageFormat}, so a single quote in it is written twice in the bundle. Numbers are passed
 * as text, so that no grouping separator is added.
 */
public final class Notes {
  /** The bundle's base name, for tests that compare the two languages. */
  public static final String BUNDLE = "io.dockerlings.simulator.notes.notes";

  /** The notes in English, the default. */
  public static final Notes ENGLISH = new Notes(Locale.ENGLISH);

  /** The notes in Simplified Chinese. */
  public static final Notes CHINESE = new Notes(Locale.SIMPLIFIED_CHINESE);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Notes(Locale locale) {
    this.locale = locale;
    // No fallback to the JVM's locale: English asked for is English on a Chinese desktop.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The notes for {@code language}: Chinese for any Chinese locale, English otherwise. */
  public static Notes of(Locale language) {
    return language != null && language.getLanguage().equals("zh") ? CHINESE : ENGLISH;
  }

  /** The language of these notes: {@link Locale#ENGLISH} or {@link Locale#SIMPLIFIED_CHINESE}. */
  public Locale locale() {
    return locale;
  }

  /** The note under {@code key}, with {@code args} put into its placeholders. */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
