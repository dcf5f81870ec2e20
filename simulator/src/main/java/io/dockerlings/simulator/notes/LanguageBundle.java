package io.dockerlings.simulator.notes;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * One bundle of dockerlings' own words in English or Simplified Chinese, loaded as every such
 * bundle is (the simulator's notes, real mode's): no fallback to the JVM's locale, a text without
 * arguments as written, one with arguments through {@link MessageFormat} (a single quote written
 * twice in the bundle).
 */
public final class LanguageBundle {
  private final Locale locale;
  private final ResourceBundle bundle;

  /**
   * Loads {@code baseName} ({@code io.dockerlings.real.notes}) in Chinese for any Chinese {@code
   * language}, in English otherwise.
   */
  public LanguageBundle(String baseName, Locale language) {
    this.locale = chinese(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    // No fallback to the JVM's locale: English asked for is English on a Chinese desktop.
    this.bundle =
        ResourceBundle.getBundle(
            baseName,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Whether {@code language} is Chinese (of any region); null is not. */
  public static boolean chinese(Locale language) {
    return language != null && language.getLanguage().equals("zh");
  }

  /** The language of these words: {@link Locale#ENGLISH} or {@link Locale#SIMPLIFIED_CHINESE}. */
  public Locale locale() {
    return locale;
  }

  /** The text under {@code key}, with {@code args} put into its placeholders. */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** The text under {@code key} as written in the bundle, placeholders and all. */
  public String pattern(String key) {
    return bundle.getString(key);
  }

  /** The bundle's keys. */
  public Set<String> keys() {
    return bundle.keySet();
  }
}
