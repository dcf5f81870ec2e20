package io.dockerlings.simulator.notes;

import java.util.Locale;

/**
 * The simulator's own one-line notes (never docker's, busybox's or the kernel's words) in the
 * session's language: English or Simplified Chinese.
 *
 * <p>A note without arguments is its bundle text as written; a note with arguments goes through
 * {@link java.text.MessageFormat}, so a single quote in it is written twice in the bundle. Numbers
 * are passed as text, so that no grouping separator is added.
 */
public final class Notes {
  /** The bundle's base name, for tests that compare the two languages. */
  public static final String BUNDLE = "io.dockerlings.simulator.notes.notes";

  /** The notes in English, the default. */
  public static final Notes ENGLISH = new Notes(Locale.ENGLISH);

  /** The notes in Simplified Chinese. */
  public static final Notes CHINESE = new Notes(Locale.SIMPLIFIED_CHINESE);

  private final LanguageBundle bundle;

  private Notes(Locale locale) {
    this.bundle = new LanguageBundle(BUNDLE, locale);
  }

  /** The notes for {@code language}: Chinese for any Chinese locale, English otherwise. */
  public static Notes of(Locale language) {
    return LanguageBundle.chinese(language) ? CHINESE : ENGLISH;
  }

  /** The language of these notes: {@link Locale#ENGLISH} or {@link Locale#SIMPLIFIED_CHINESE}. */
  public Locale locale() {
    return bundle.locale();
  }

  /** The note under {@code key}, with {@code args} put into its placeholders. */
  public String get(String key, Object... args) {
    return bundle.get(key, args);
  }

  /**
   * {@code text} with every note of this bundle, in either language, replaced by its key: two
   * outputs of the same commands read the same whatever language the simulator spoke (grading
   * compares a recorded session with its replay this way).
   */
  public static String neutral(String text) {
    String out = text;
    for (java.util.Map.Entry<java.util.regex.Pattern, String> e : Patterns.ALL.entrySet()) {
      out = e.getKey().matcher(out).replaceAll(e.getValue());
    }
    return out;
  }

  /** Each note of both languages as a pattern matching any arguments, longest first. */
  private static final class Patterns {
    private static final java.util.Map<java.util.regex.Pattern, String> ALL = build();

    private static java.util.Map<java.util.regex.Pattern, String> build() {
      java.util.List<String[]> notes = new java.util.ArrayList<>();
      for (Notes n : java.util.List.of(ENGLISH, CHINESE)) {
        for (String key : n.bundle.keys()) {
          notes.add(new String[] {n.bundle.pattern(key), key});
        }
      }
      notes.sort((a, b) -> b[0].length() - a[0].length());
      java.util.Map<java.util.regex.Pattern, String> all = new java.util.LinkedHashMap<>();
      for (String[] n : notes) {
        all.put(
            regex(n[0]),
            java.util.regex.Matcher.quoteReplacement("<dockerlings note " + n[1] + ">"));
      }
      return java.util.Collections.unmodifiableMap(all);
    }

    /** A note's pattern as a regex: its text literal, each placeholder any text on the line. */
    private static java.util.regex.Pattern regex(String pattern) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+\\}").matcher(pattern);
      boolean formatted = m.find();
      m.reset();
      StringBuilder b = new StringBuilder();
      int from = 0;
      while (m.find()) {
        b.append(literal(pattern.substring(from, m.start()), formatted));
        b.append(m.end() == pattern.length() ? "[^\\n]*" : "[^\\n]*?");
        from = m.end();
      }
      b.append(literal(pattern.substring(from), formatted));
      return java.util.regex.Pattern.compile(b.toString());
    }

    private static String literal(String text, boolean formatted) {
      return java.util.regex.Pattern.quote(formatted ? text.replace("''", "'") : text);
    }
  }
}
