package io.dockerlings.shell;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.lessons.errors.ErrorCatalogue;
import io.dockerlings.lessons.errors.Explainer;
import io.dockerlings.lessons.errors.KnownNames;
import io.dockerlings.lessons.errors.Note;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.CommandResult;
import java.util.List;
import java.util.Optional;

/**
 * The notes under docker's errors: finds the explanation of what a command printed (the catalogue
 * is read on the first error), remembers the last one for {@code explain}, and lays notes out at
 * the terminal's width. Never touches what docker printed.
 */
final class ErrorNotes {
  private Explainer explainer;
  private Optional<Note> last = Optional.empty();

  private Explainer explainer() {
    if (explainer == null) {
      explainer = new Explainer(ErrorCatalogue.load());
    }
    return explainer;
  }

  /** The note for a command that ran, remembered as the last one when there is one. */
  Optional<Note> after(List<String> argv, CommandResult r, Backend backend) {
    if (r.stderr().isBlank() && (r.exitCode() == 0 || r.stdout().isBlank())) {
      return Optional.empty();
    }
    Optional<Note> note =
        explainer().explain(argv, r.exitCode(), r.stdout(), r.stderr(), names(backend));
    note.ifPresent(n -> last = note);
    return note;
  }

  /** The note for a message the learner pasted. */
  Optional<Note> lookUp(String pasted, Backend backend) {
    return explainer().explainText(pasted, names(backend));
  }

  /** The last note shown, if any. */
  Optional<Note> last() {
    return last;
  }

  /** The short note shown under docker's output. */
  static String brief(Note n, Messages m, int width) {
    Lang lang = lang(m);
    String marker = m.get("note.marker");
    String indent = " ".repeat(Wrap.width(marker));
    StringBuilder b = new StringBuilder(Wrap.wrap(n.cause().in(lang), marker, indent, width));
    n.didYouMean().ifPresent(t -> b.append(Wrap.wrap(t.in(lang), indent, indent, width)));
    b.append(Wrap.wrap(m.get("note.more"), indent, indent, width));
    return b.toString();
  }

  /** The note at length, for {@code explain}: docker's words, the cause, what to do, the lesson. */
  static String full(Note n, Messages m, int width) {
    Lang lang = lang(m);
    StringBuilder b = new StringBuilder();
    b.append(section(m.get("explain.message"), Text.same(n.match().message()), lang, width));
    b.append(section(m.get("explain.cause"), n.cause(), lang, width));
    n.didYouMean().ifPresent(t -> b.append(section(m.get("explain.typo"), t, lang, width)));
    b.append(section(m.get("explain.next"), n.next(), lang, width));
    b.append(section(m.get("explain.lesson"), Text.same(n.lesson()), lang, width));
    return b.toString();
  }

  private static String section(String title, Text body, Lang lang, int width) {
    return title + "\n" + Wrap.wrap(body.in(lang), "  ", "  ", width);
  }

  /** The note as a JSON object for batch mode, in both languages. */
  static ObjectNode json(Note n) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", n.id());
    o.put("lesson", n.lesson());
    o.put("message", n.match().message());
    o.set("cause", both(n.cause()));
    o.set("next", both(n.next()));
    n.didYouMean().ifPresent(t -> o.set("didYouMean", both(t)));
    com.fasterxml.jackson.databind.node.ArrayNode s = o.putArray("suggestions");
    n.suggestions().forEach(s::add);
    return o;
  }

  private static ObjectNode both(Text t) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put(Lang.EN.tag(), t.en());
    o.put(Lang.ZH.tag(), t.zh());
    return o;
  }

  private static Lang lang(Messages m) {
    return Lang.of(m.language()).orElse(Lang.EN);
  }

  private static KnownNames names(Backend backend) {
    return KnownNames.of(new BackendEngine(backend));
  }
}
