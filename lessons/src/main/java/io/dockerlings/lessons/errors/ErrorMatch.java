package io.dockerlings.lessons.errors;

import io.dockerlings.lessons.text.Text;
import java.util.Map;

/**
 * A catalogue entry recognised in what docker printed.
 *
 * @param entry the entry
 * @param message the line of docker's text that matched
 * @param values the pattern's named groups and what they matched
 */
public record ErrorMatch(ErrorEntry entry, String message, Map<String, String> values) {
  public ErrorMatch {
    values = Map.copyOf(values);
  }

  /** The cause, with the container, port, image... of the message filled in. */
  public Text cause() {
    return fill(entry.cause());
  }

  /** What to do next, filled in the same way. */
  public Text next() {
    return fill(entry.next());
  }

  private Text fill(Text t) {
    Text out = t;
    for (Map.Entry<String, String> v : values.entrySet()) {
      out = out.fill(v.getKey(), v.getValue());
    }
    return out;
  }
}
