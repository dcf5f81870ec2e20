package io.dockerlings.grading;

import java.util.List;

/**
 * The score distribution as an inline SVG bar chart: one bar per score when the full marks are
 * under 10, else one bar per tenth of them.
 */
final class Histogram {
  private static final int W = 640;
  private static final int H = 240;
  private static final int LEFT = 40;
  private static final int BOTTOM = 40;

  private Histogram() {}

  /** The chart of {@code scores} out of {@code max}, axis titled in the report's language. */
  static String svg(List<Integer> scores, int max, String xTitle, String yTitle) {
    int bins0 = max < 10 ? max + 1 : 10;
    int[] bins = new int[bins0];
    for (int s : scores) {
      int b = max < 10 ? Math.max(0, Math.min(max, s)) : Math.min(bins0 - 1, s * bins0 / max);
      bins[b]++;
    }
    int top = 1;
    for (int b : bins) {
      top = Math.max(top, b);
    }
    int plotH = H - BOTTOM - 20;
    int barW = (W - LEFT - 10) / bins0;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" width=\"100%\" style=\"max-width:")
        .append(W)
        .append("px\" role=\"img\">\n");
    s.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(H - BOTTOM)
        .append("\" x2=\"")
        .append(W - 10)
        .append("\" y2=\"")
        .append(H - BOTTOM)
        .append("\" stroke=\"#5a6478\"/>\n");
    for (int i = 0; i < bins0; i++) {
      int h = bins[i] * plotH / top;
      int x = LEFT + i * barW + 4;
      int y = H - BOTTOM - h;
      double share = bins0 == 1 ? 1 : (double) i / (bins0 - 1);
      String colour = share >= 0.8 ? "#2f7d4f" : share >= 0.5 ? "#a66300" : "#b3261e";
      s.append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(barW - 8)
          .append("\" height=\"")
          .append(h)
          .append("\" fill=\"")
          .append(colour)
          .append("\"><title>")
          .append(bins[i])
          .append("</title></rect>\n");
      if (bins[i] > 0) {
        s.append("<text x=\"")
            .append(x + (barW - 8) / 2)
            .append("\" y=\"")
            .append(y - 4)
            .append("\" text-anchor=\"middle\" font-size=\"12\">")
            .append(bins[i])
            .append("</text>\n");
      }
      int from = max < 10 ? i : i * max / bins0;
      int to = max < 10 ? i : i == bins0 - 1 ? max : Math.max(from, (i + 1) * max / bins0 - 1);
      s.append("<text x=\"")
          .append(x + (barW - 8) / 2)
          .append("\" y=\"")
          .append(H - BOTTOM + 16)
          .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5a6478\">")
          .append(from == to ? Integer.toString(from) : from + "–" + to)
          .append("</text>\n");
    }
    s.append("<text x=\"")
        .append(W / 2)
        .append("\" y=\"")
        .append(H - 6)
        .append("\" text-anchor=\"middle\" font-size=\"12\">")
        .append(Xml.escape(xTitle))
        .append("</text>\n");
    s.append("<text x=\"14\" y=\"")
        .append((H - BOTTOM) / 2)
        // Set vertically rather than rotated, so that Chinese characters stand upright.
        .append("\" text-anchor=\"middle\" font-size=\"12\" style=\"writing-mode:vertical-rl\">")
        .append(Xml.escape(yTitle))
        .append("</text>\n");
    return s.append("</svg>").toString();
  }
}
