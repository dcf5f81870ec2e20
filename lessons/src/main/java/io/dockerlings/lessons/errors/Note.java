package io.dockerlings.lessons.errors;

import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;

/**
 * What dockerlings adds under an error docker printed: the catalogue entry it matched, with the
 * learner's names filled in, and the nearest names when a word looks misspelt.
 *
 * @param match the catalogue entry and the values of its groups
 * @param suggestions the nearest commands, flags or names to what was typed; empty when none
 */
public record Note(ErrorMatch match, List<String> suggestions) {
  public Note {
    suggestions = List.copyOf(suggestions);
  }

  /** The catalogue entry's id. */
  public String id() {
    return match.entry().id();
  }

  /** The lesson that teaches this error. */
  public String lesson() {
    return match.entry().lesson();
  }

  /** The cause, filled in. */
  public Text cause() {
    return match.cause();
  }

  /** What to do next, filled in. */
  public Text next() {
    return match.next();
  }

  /** "Did you mean ...?" in both languages, when there is something to suggest. */
  public Optional<Text> didYouMean() {
    if (suggestions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Text(
            "Did you mean " + String.join(" or ", suggestions) + "?",
            "你是不是想输入 " + String.join(" 或 ", suggestions) + "？"));
  }
}
