package io.dockerlings.simulator.sh;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * busybox {@code date}: the simulated time in UTC (the containers' zone), in the default layout or
 * in a {@code +FORMAT} of strftime conversions; {@code -u} changes nothing here.
 */
final class DateApplet {
  private static final DateTimeFormatter DEFAULT =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ROOT);

  private DateApplet() {}

  static int run(List<String> argv, AppletContext c) {
    String format = null;
    for (String a : argv.subList(1, argv.size())) {
      if (a.startsWith("+")) {
        format = a.substring(1);
      } else if (!a.equals("-u") && !a.equals("--utc")) {
        c.err("date: invalid date '" + a + "'\n");
        return 1;
      }
    }
    ZonedDateTime t = c.now().atZone(ZoneOffset.UTC);
    c.out((format == null ? DEFAULT.format(t) : format(format, t)) + "\n");
    return 0;
  }

  /** strftime as libc does it for the conversions scripts use; others are printed as written. */
  static String format(String f, ZonedDateTime t) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < f.length(); i++) {
      char ch = f.charAt(i);
      if (ch != '%' || i + 1 == f.length()) {
        b.append(ch);
        continue;
      }
      char k = f.charAt(++i);
      b.append(
          switch (k) {
            case 'Y' -> String.valueOf(t.getYear());
            case 'y' -> two(t.getYear() % 100);
            case 'C' -> two(t.getYear() / 100);
            case 'm' -> two(t.getMonthValue());
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
            case 'H' -> two(t.getHour());
            case 'k' -> String.format(Locale.ROOT, "%2d", t.getHour());
            case 'I' -> two((t.getHour() + 11) % 12 + 1);
            case 'l' -> String.format(Locale.ROOT, "%2d", (t.getHour() + 11) % 12 + 1);
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'N' -> String.format(Locale.ROOT, "%09d", t.getNano());
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'a' -> DateTimeFormatter.ofPattern("EEE", Locale.ROOT).format(t);
            case 'A' -> DateTimeFormatter.ofPattern("EEEE", Locale.ROOT).format(t);
            case 'b', 'h' -> DateTimeFormatter.ofPattern("MMM", Locale.ROOT).format(t);
            case 'B' -> DateTimeFormatter.ofPattern("MMMM", Locale.ROOT).format(t);
            case 'j' -> String.format(Locale.ROOT, "%03d", t.getDayOfYear());
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case 's' -> String.valueOf(t.toEpochSecond());
            case 'Z' -> "UTC";
            case 'z' -> "+0000";
            case 'T' -> format("%H:%M:%S", t);
            case 'R' -> format("%H:%M", t);
            case 'D' -> format("%m/%d/%y", t);
            case 'F' -> format("%Y-%m-%d", t);
            case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
            case 'x' -> format("%m/%d/%y", t);
            case 'X' -> format("%H:%M:%S", t);
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> "%" + k;
          });
    }
    return b.toString();
  }

  private static String two(int v) {
    return String.format(Locale.ROOT, "%02d", v);
  }
}
