package io.dockerlings.simulator.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff of two short texts: common lines prefixed two spaces, lines only in the
 * expected text {@code "- "}, lines only in the actual text {@code "+ "}, in the order of a longest
 * common subsequence. Meant for command outputs of at most a few thousand lines.
 */
final class LineDiff {
  private LineDiff() {}

  /** The diff lines turning {@code expected} into {@code actual}; empty when they are equal. */
  static List<String> diff(List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      return List.of();
    }
    int n = expected.size();
    int m = actual.size();
    // Very long outputs would make the table quadratic: show them whole instead.
    if ((long) n * m > 4_000_000L) {
      List<String> out = new ArrayList<>();
      expected.forEach(l -> out.add("- " + l));
      actual.forEach(l -> out.add("+ " + l));
      return out;
    }
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            expected.get(i).equals(actual.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
        out.add("  " + expected.get(i));
        i++;
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        out.add("- " + expected.get(i));
        i++;
      } else {
        out.add("+ " + actual.get(j));
        j++;
      }
    }
    return out;
  }
}
