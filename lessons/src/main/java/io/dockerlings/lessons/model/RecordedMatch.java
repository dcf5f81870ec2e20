package io.dockerlings.lessons.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what an engine printed now with a recorded answer: the exit code must be the recorded
 * one and every recorded line must appear, container and image ids (12 or 64 hex digits) aside, and
 * with the recording's tolerance each number of a line may lie that far from the recorded one.
 */
public final class RecordedMatch {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  private RecordedMatch() {}

  /** What differs (one line each, English), or an empty list when the answer agrees. */
  public static List<String> differences(Step.Recorded r, int exit, String output) {
    List<String> out = new ArrayList<>();
    if (exit != r.exit()) {
      out.add("exits " + exit + " where the engine exited " + r.exit());
    }
    String got = ids(output);
    for (String line : r.lines()) {
      if (!contains(got, ids(line), r.tolerance())) {
        out.add(
            "does not print the recorded line: "
                + line
                + (r.tolerance().isExact() ? "" : " (within " + r.tolerance().describe() + ")"));
      }
    }
    return out;
  }

  private static boolean contains(String output, String line, Tolerance t) {
    if (output.contains(line)) {
      return true;
    }
    if (t.isExact()) {
      return false;
    }
    List<Double> expected = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = NUMBER.matcher(line);
    int at = 0;
    while (m.find()) {
      regex.append(Pattern.quote(line.substring(at, m.start()))).append("(-?\\d+(?:\\.\\d+)?)");
      expected.add(Double.parseDouble(m.group()));
      at = m.end();
    }
    regex.append(Pattern.quote(line.substring(at)));
    Matcher found = Pattern.compile(regex.toString()).matcher(output);
    while (found.find()) {
      boolean all = true;
      for (int i = 0; i < expected.size() && all; i++) {
        all = t.accepts(expected.get(i), Double.parseDouble(found.group(i + 1)));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static String ids(String s) {
    return s.replaceAll("\\b[0-9a-f]{64}\\b", "<id>").replaceAll("\\b[0-9a-f]{12}\\b", "<id>");
  }
}
