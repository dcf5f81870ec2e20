package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time arguments of {@code --since}/{@code --until} as the docker CLI does before it
 * asks the daemon: a Go duration back from now ({@code 10m}, {@code -1h}), a date or date-time with
 * or without a zone, or Unix seconds; its errors carry no {@code Error: } prefix.
 */
final class Times {
  private static final Pattern DURATION_PART = Pattern.compile("(\\d*\\.?\\d*)(ns|us|µs|ms|s|m|h)");
  private static final Pattern DURATION =
      Pattern.compile("[-+]?((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|ms|s|m|h))+");

  private Times() {}

  /** The {@code --since} value {@code text} at {@code now}; {@code what} names the flag. */
  static Instant parse(String text, String what, Instant now) {
    try {
      return timestamp(text, now);
    } catch (GoTimeLayout.ParseError e) {
      throw new DockerException("invalid value for \"" + what + "\": " + e.getMessage(), 1);
    }
  }

  private static Instant timestamp(String value, Instant now) {
    Optional<Duration> d = value.equals("0") ? Optional.empty() : duration(value);
    if (d.isPresent()) {
      return now.minus(d.get());
    }
    // The CLI's rule: a zone (Z or +) or three dashes mean the text carries its own zone.
    boolean local =
        !(value.matches(".*[zZ+].*") || value.chars().filter(ch -> ch == '-').count() == 3);
    String layout;
    if (value.contains(".")) {
      layout = local ? "2006-01-02T15:04:05.999999999" : "2006-01-02T15:04:05.999999999Z07:00";
    } else if (value.contains("T")) {
      long colons = value.chars().filter(ch -> ch == ':').count();
      if (!local && !value.matches(".*[zZ].*") && colons > 0) {
        colons--; // the zone offset's own colon
      }
      String time = colons == 0 ? "T15" : colons == 1 ? "T15:04" : "T15:04:05";
      layout = "2006-01-02" + time + (local ? "" : "Z07:00");
    } else {
      layout = local ? "2006-01-02" : "2006-01-02Z07:00";
    }
    try {
      return new GoTimeLayout(layout).parse(value, ZoneOffset.UTC);
    } catch (GoTimeLayout.ParseError e) {
      if (value.contains("-")) {
        throw e; // it looked like a date, so the date's error is the one to show
      }
      return unixSeconds(value)
          .orElseThrow(
              () ->
                  new GoTimeLayout.ParseError(
                      "failed to parse value as time or duration: \"" + value + "\""));
    }
  }

  /** Go's {@code time.ParseDuration}, for the forms a user types. */
  private static Optional<Duration> duration(String text) {
    if (!DURATION.matcher(text).matches()) {
      return Optional.empty();
    }
    Matcher m = DURATION_PART.matcher(text);
    double nanos = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      nanos +=
          v
              * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
              };
    }
    return Optional.of(Duration.ofNanos((long) (text.startsWith("-") ? -nanos : nanos)));
  }

  /** Seconds with an optional fraction ({@code 1700000000.5}), passed on to the daemon as is. */
  private static Optional<Instant> unixSeconds(String text) {
    String[] parts = text.split("\\.", 2);
    if (!parts[0].matches("[-+]?\\d+") || (parts.length == 2 && !parts[1].matches("[-+]?\\d+"))) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(parts[0].replace("+", ""));
    long nanos = 0;
    if (parts.length == 2) {
      String digits = parts[1].replaceFirst("^[-+]", "");
      nanos = Long.parseLong((digits + "000000000").substring(0, 9));
    }
    return Optional.of(Instant.ofEpochSecond(seconds, nanos));
  }
}
