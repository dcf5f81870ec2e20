package io.dockerlings.lessons.picture;

import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;

/**
 * How a picture is drawn: in which language, how many columns wide, and whether with ANSI colours.
 *
 * @param lang the language of its labels
 * @param width the columns it may use (at least 40)
 * @param colour whether the terminal shows colours
 */
public record Style(Lang lang, int width, boolean colour) {
  /** The narrowest picture drawn; a narrower terminal gets lines cut by the terminal. */
  public static final int MIN_WIDTH = 40;

  public Style {
    width = Math.max(MIN_WIDTH, width);
  }

  /** A plain style: no colours. */
  public static Style plain(Lang lang, int width) {
    return new Style(lang, width, false);
  }

  /** The label in this style's language. */
  public String say(Text text) {
    return text.in(lang);
  }

  /** {@code text} in bold. */
  public String bold(String text) {
    return paint("1", text);
  }

  /** {@code text} dimmed. */
  public String dim(String text) {
    return paint("2", text);
  }

  /** {@code text} in the colour of the model (cyan). */
  public String model(String text) {
    return paint("36", text);
  }

  /** {@code text} in the colour of the real engine (yellow). */
  public String engine(String text) {
    return paint("33", text);
  }

  /** {@code text} in green: added, good. */
  public String green(String text) {
    return paint("32", text);
  }

  /** {@code text} in red: deleted, killed. */
  public String red(String text) {
    return paint("31", text);
  }

  /** {@code text} in magenta: a changed file. */
  public String magenta(String text) {
    return paint("35", text);
  }

  private String paint(String code, String text) {
    return colour && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
