package io.dockerlings.lessons.picture;

import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code show cpu}: one bar per busy container, its CPU use as {@code docker stats} reports it (%
 * of one CPU), scaled to the whole host; the model's bar and, when a real engine ran the same
 * containers, the engine's bar beneath it; and a note when the engine's total falls short of what
 * the model expects, which is the host's other load taking its part.
 */
public final class CpuPicture {
  private static final Text TITLE =
      new Text(
          "CPU use per container (% of one CPU; the host has {cpus} CPUs = {total}%)",
          "每个容器的 CPU 使用率（以一个 CPU 为 100%；宿主机有 {cpus} 个 CPU，共 {total}%）");
  private static final Text MODEL = new Text("model", "模拟器");
  private static final Text ENGINE = new Text("engine", "引擎");
  private static final Text TOTAL = new Text("total", "合计");
  private static final Text NONE =
      new Text("(no running container uses the CPU)", "（没有正在运行的容器在使用 CPU）");
  private static final Text READINGS = new Text("{n} readings", "{n} 次读数");
  private static final Text SHORT =
      new Text(
          "The engine's total is short of the model's: other programs on this host take their"
              + " share of the CPUs.",
          "引擎的合计低于模拟器：这台宿主机上的其他程序也在占用 CPU。");

  private CpuPicture() {}

  /**
   * One container's limits and readings.
   *
   * @param name the container
   * @param shares {@code -c} (0 for the default 1024)
   * @param nanoCpus {@code --cpus} times 10^9
   * @param cpuset {@code --cpuset-cpus}
   * @param model the model's % of one CPU
   * @param engine the engine's mean % of one CPU, when measured
   */
  public record Row(
      String name,
      long shares,
      long nanoCpus,
      String cpuset,
      double model,
      Optional<Double> engine) {}

  /**
   * What to draw.
   *
   * @param cpus the host's CPUs
   * @param rows one per container
   * @param engineReadings how many {@code docker stats} readings the engine's means average; 0 when
   *     the engine was not read
   */
  public record Readings(int cpus, List<Row> rows, int engineReadings) {}

  /** The picture. */
  public static String render(Readings r, Style style) {
    int w = Math.min(style.width(), 120);
    StringBuilder b = new StringBuilder();
    String title =
        style
            .say(TITLE)
            .replace("{cpus}", Integer.toString(r.cpus()))
            .replace("{total}", Integer.toString(100 * r.cpus()));
    Cells.wrap(title, w).forEach(l -> b.append(style.bold(l)).append('\n'));
    if (r.rows().isEmpty()) {
      b.append(style.say(NONE)).append('\n');
      return b.toString();
    }
    String modelLabel = style.say(MODEL);
    String engineLabel = style.say(ENGINE);
    int labelW = Math.max(Cells.width(modelLabel), Cells.width(engineLabel)) + 3;
    int barW = Math.max(10, w - labelW - 10);
    double full = 100.0 * r.cpus();
    double modelTotal = 0;
    double engineTotal = 0;
    boolean measured = r.engineReadings() > 0;
    List<Row> busy =
        r.rows().stream().filter(x -> x.model() > 0 || x.engine().orElse(0.0) > 0).toList();
    for (Row row : busy.isEmpty() ? r.rows() : busy) {
      b.append(style.bold(row.name())).append("  ").append(style.dim(limits(row))).append('\n');
      b.append(bar(modelLabel, labelW, row.model(), full, barW, style, true));
      modelTotal += row.model();
      if (measured) {
        double e = row.engine().orElse(0.0);
        engineTotal += e;
        b.append(bar(engineLabel, labelW, e, full, barW, style, false));
      }
    }
    StringBuilder total =
        new StringBuilder(style.say(TOTAL))
            .append("  ")
            .append(modelLabel)
            .append(' ')
            .append(percent(modelTotal));
    if (measured) {
      total
          .append("   ")
          .append(engineLabel)
          .append(' ')
          .append(percent(engineTotal))
          .append(" (")
          .append(style.say(READINGS).replace("{n}", Integer.toString(r.engineReadings())))
          .append(')');
    }
    b.append(Cells.cut(total.toString(), w)).append('\n');
    if (measured && engineTotal < 0.9 * modelTotal) {
      Cells.wrap(style.say(SHORT), w).forEach(l -> b.append(style.engine(l)).append('\n'));
    }
    return b.toString();
  }

  private static String limits(Row row) {
    StringBuilder b = new StringBuilder("-c ").append(row.shares() == 0 ? 1024 : row.shares());
    if (row.nanoCpus() > 0) {
      b.append("  --cpus ")
          .append(String.format(Locale.ROOT, "%.2f", row.nanoCpus() / 1e9).replaceAll("0+$", ""));
    }
    if (!row.cpuset().isEmpty()) {
      b.append("  --cpuset-cpus ").append(row.cpuset());
    }
    return b.toString().replaceAll("\\.(?=\\s|$)", "");
  }

  private static String bar(
      String label, int labelW, double value, double full, int barW, Style style, boolean model) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, value / full)) * barW);
    String bar = "█".repeat(filled);
    String rest = "░".repeat(barW - filled);
    String painted = model ? style.model(bar) : style.engine(bar);
    return "  "
        + Cells.pad(label, labelW - 3)
        + " "
        + painted
        + style.dim(rest)
        + " "
        + Cells.padLeft(percent(value), 7)
        + "\n";
  }

  /** {@code 66.7%}. */
  public static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v);
  }
}
