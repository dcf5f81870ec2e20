package io.dockerlings.simulator;

import io.dockerlings.simulator.notes.Notes;
import java.util.Locale;

/** The one line that reports a fault of the simulator itself, never docker's own answer. */
public final class Faults {
  private Faults() {}

  /**
   * The learner-facing line for {@code t}: its kind and message, no stack trace. With {@code
   * -Ddockerlings.faultTrace=true} (a developer's aid, used when replaying a fuzz line) the stack
   * trace also goes to the JVM's own stderr.
   */
  public static String line(Throwable t) {
    return line(t, Locale.ENGLISH);
  }

  /** The same line in {@code language} (en or zh-CN). */
  public static String line(Throwable t, Locale language) {
    if (Boolean.getBoolean("dockerlings.faultTrace")) {
      t.printStackTrace();
    }
    String message = t.getMessage() == null ? "" : ": " + firstLine(t.getMessage());
    return Notes.of(language).get("fault", t.getClass().getSimpleName(), message) + "\n";
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    return first.length() > 200 ? first.substring(0, 200) + "..." : first;
  }
}
