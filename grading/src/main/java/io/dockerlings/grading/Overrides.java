package io.dockerlings.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overrides CSV: {@code learner,check,points,comment} with a header line; fields may be quoted
 * with double quotes ({@code ""} inside for a quote). Lines that cannot be read are reported, not
 * applied.
 */
final class Overrides {
  private final Map<String, List<GradeOverride>> byLearner;
  private final List<String> problems;

  private Overrides(Map<String, List<GradeOverride>> byLearner, List<String> problems) {
    this.byLearner = byLearner;
    this.problems = List.copyOf(problems);
  }

  /** No overrides. */
  static Overrides none() {
    return new Overrides(Map.of(), List.of());
  }

  /** Reads the CSV text. */
  static Overrides parse(String csv) {
    Map<String, List<GradeOverride>> by = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<String> lines = csv.lines().toList();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Csv.split(line);
      if (f.size() < 3) {
        problems.add("overrides line " + (i + 1) + ": needs learner,check,points[,comment]");
        continue;
      }
      int points;
      try {
        points = Integer.parseInt(f.get(2).strip());
      } catch (NumberFormatException e) {
        problems.add("overrides line " + (i + 1) + ": points '" + f.get(2) + "' is not a number");
        continue;
      }
      GradeOverride o =
          new GradeOverride(
              f.get(0).strip(), f.get(1).strip(), points, f.size() > 3 ? f.get(3).strip() : "");
      by.computeIfAbsent(o.learner(), k -> new ArrayList<>()).add(o);
    }
    return new Overrides(by, problems);
  }

  /** The overrides of a learner, found by id or by submission file name. */
  List<GradeOverride> of(String learner, String file) {
    List<GradeOverride> out = new ArrayList<>(byLearner.getOrDefault(learner, List.of()));
    if (!file.equals(learner)) {
      out.addAll(byLearner.getOrDefault(file, List.of()));
    }
    return out;
  }

  /** Lines that could not be read. */
  List<String> problems() {
    return problems;
  }
}
