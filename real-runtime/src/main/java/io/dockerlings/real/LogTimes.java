package io.dockerlings.real;

import io.dockerlings.simulator.cli.DockerException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --since}/{@code --until} values of {@code docker logs}, read as the docker CLI reads
 * them: a Go duration back from now ({@code 10s}, {@code 1m30s}), an RFC 3339 date or timestamp
 * (local time when it has no zone), or Unix seconds. The engine takes whole seconds.
 */
final class LogTimes {
  private static final Pattern DURATION =
      Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
  private static final Pattern WHOLE_DURATION =
      Pattern.compile("[-+]?(?:[0-9]*(?:\\.[0-9]*)?(?:ns|us|µs|μs|ms|s|m|h))+");

  private LogTimes() {}

  /**
   * Unix seconds for {@code value}.
   *
   * @param flag {@code since} or {@code until}, as the CLI names it in its error
   */
  static int epochSeconds(String flag, String value, Instant now) {
    // The engine takes an int here; later than 2038 means "after everything" anyway.
    return (int) Math.min(Integer.MAX_VALUE, seconds(flag, value, now));
  }

  private static long seconds(String flag, String value, Instant now) {
    if (!value.equals("0") && WHOLE_DURATION.matcher(value).matches()) {
      return now.minusNanos(durationNanos(value)).getEpochSecond();
    }
    try {
      return timestamp(value).getEpochSecond();
    } catch (DateTimeParseException e) {
      if (value.matches("[0-9]+(\\.[0-9]{0,9})?")) {
        return new BigDecimal(value).longValue();
      }
      throw new DockerException(
          "invalid value for \""
              + flag
              + "\": failed to parse value as time or duration: \""
              + value
              + "\"",
          1);
    }
  }

  private static long durationNanos(String value) {
    boolean negative = value.startsWith("-");
    Matcher m = DURATION.matcher(value);
    double nanos = 0;
    while (m.find()) {
      double v =
          m.group(1).isEmpty() || m.group(1).equals(".") ? 0 : Double.parseDouble(m.group(1));
      nanos +=
          v
              * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
              };
    }
    return (long) (negative ? -nanos : nanos);
  }

  private static Instant timestamp(String value) {
    boolean zoned = value.matches(".*[zZ+].*") || value.chars().filter(c -> c == '-').count() == 3;
    ZoneId local = ZoneId.systemDefault();
    if (zoned) {
      if (!value.contains("T")) {
        throw new DateTimeParseException("a date with a zone needs a time", value, 0);
      }
      return OffsetDateTime.parse(value.replace('z', 'Z')).toInstant();
    }
    if (value.contains("T")) {
      String t = value.substring(value.indexOf('T') + 1);
      String full =
          switch ((int) t.chars().filter(c -> c == ':').count()) {
            case 0 -> value + ":00:00";
            case 1 -> value + ":00";
            default -> value;
          };
      return LocalDateTime.parse(full).atZone(local).toInstant();
    }
    return LocalDate.parse(value).atStartOfDay(local).toInstant();
  }
}
