package io.dockerlings.lessons.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nearest words to a misspelt one, by optimal string alignment distance: Levenshtein's
 * insertions, deletions and substitutions plus the swap of two neighbouring letters, the commonest
 * typo ({@code rnu}, {@code dokcer}), which Levenshtein alone counts as two edits. Commons Text has
 * no such distance, hence this small one.
 */
public final class Suggestions {
  /** At most this many candidates are suggested. */
  public static final int MAX = 3;

  private Suggestions() {}

  /** The edit distance of two words, a swap of neighbours counting as one edit. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * The candidates nearest to {@code typed}: those at the smallest distance found, if that is at
   * most {@code maxDistance} edits, alphabetically, at most {@link #MAX}; never {@code typed}.
   */
  public static List<String> nearest(String typed, Collection<String> candidates, int maxDistance) {
    Set<String> unique = new LinkedHashSet<>(candidates);
    unique.remove(typed);
    List<String> close = new ArrayList<>();
    for (String c : unique) {
      if (Math.abs(c.length() - typed.length()) <= maxDistance
          && distance(typed, c) <= maxDistance) {
        close.add(c);
      }
    }
    int best = close.stream().mapToInt(c -> distance(typed, c)).min().orElse(0);
    close.removeIf(c -> distance(typed, c) > best);
    close.sort(Comparator.naturalOrder());
    return List.copyOf(close.subList(0, Math.min(MAX, close.size())));
  }

  /**
   * How many edits a misspelt command word or flag may be from a real one: one for short words, two
   * from five letters on (a two-letter word is too short to guess from).
   */
  public static int tolerance(String word) {
    String w = word.replaceFirst("^-+", "");
    if (w.length() <= 2) {
      return w.length() <= 1 ? 0 : 1;
    }
    return w.length() < 5 ? 1 : 2;
  }
}
