package io.dockerlings.simulator.cli;

/**
 * How the docker CLI shortens what it shows in tables: 12-character ids, cells cut to a display
 * width with an ellipsis, and the quoted COMMAND column of {@code docker ps}.
 */
public final class Ids {
  /** Characters of a short id. */
  public static final int SHORT_LENGTH = 12;

  /** Display width of the COMMAND column of {@code docker ps} without {@code --no-trunc}. */
  public static final int COMMAND_WIDTH = 20;

  private Ids() {}

  /** The short form of an id: the algorithm prefix ({@code sha256:}) dropped, then 12 chars. */
  public static String shortId(String id) {
    int colon = id.indexOf(':');
    String bare = colon >= 0 ? id.substring(colon + 1) : id;
    return bare.length() > SHORT_LENGTH ? bare.substring(0, SHORT_LENGTH) : bare;
  }

  /**
   * Cuts {@code s} to {@code maxWidth} display columns, the last one being {@code …}. East Asian
   * wide characters take two columns, as in the terminal.
   */
  public static String ellipsis(String s, int maxWidth) {
    if (maxWidth <= 0) {
      return "";
    }
    int[] cps = s.codePoints().toArray();
    if (cps.length == 0) {
      return s;
    }
    if (maxWidth == 1) {
      return new String(cps, 0, 1);
    }
    int total = 0;
    for (int cp : cps) {
      total += width(cp);
    }
    if (total <= maxWidth) {
      return s;
    }
    int used = 0;
    int count = 0;
    while (count < cps.length && used + width(cps[count]) <= maxWidth - 1) {
      used += width(cps[count]);
      count++;
    }
    return new String(cps, 0, count) + "…";
  }

  /** The COMMAND cell of {@code docker ps}: cut to 20 columns unless {@code noTrunc}, quoted. */
  public static String psCommand(String command, boolean noTrunc) {
    return GoParse.quote(noTrunc ? command : ellipsis(command, COMMAND_WIDTH));
  }

  /** Columns a character takes: 2 for East Asian wide and fullwidth forms, else 1. */
  static int width(int cp) {
    boolean wide =
        cp >= 0x1100 && cp <= 0x115F
            || cp >= 0x2E80 && cp <= 0x303E
            || cp >= 0x3041 && cp <= 0x33FF
            || cp >= 0x3400 && cp <= 0x4DBF
            || cp >= 0x4E00 && cp <= 0x9FFF
            || cp >= 0xA000 && cp <= 0xA4CF
            || cp >= 0xAC00 && cp <= 0xD7A3
            || cp >= 0xF900 && cp <= 0xFAFF
            || cp >= 0xFE30 && cp <= 0xFE4F
            || cp >= 0xFF00 && cp <= 0xFF60
            || cp >= 0xFFE0 && cp <= 0xFFE6
            || cp >= 0x1F300 && cp <= 0x1F64F
            || cp >= 0x20000 && cp <= 0x3FFFD;
    return wide ? 2 : 1;
  }
}
