package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time arguments of {@code --since}/{@code --until}: a Go duration relative to now
 * ({@code 10s}, {@code 1m30s}), an RFC 3339 timestamp, or Unix seconds.
 */
final class Times {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

  private Times() {}

  static Instant parse(String text, Instant now) {
    if (text.matches("\\d+(\\.\\d+)?")) {
      double seconds = Double.parseDouble(text);
      return Instant.ofEpochSecond((long) seconds, (long) ((seconds % 1) * 1e9));
    }
    if (text.matches("(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+")) {
      Matcher m = DURATION.matcher(text);
      double nanos = 0;
      while (m.find()) {
        double v = Double.parseDouble(m.group(1));
        nanos +=
            v
                * switch (m.group(2)) {
                  case "ns" -> 1;
                  case "us" -> 1e3;
                  case "ms" -> 1e6;
                  case "s" -> 1e9;
                  case "m" -> 60e9;
                  default -> 3600e9;
                };
      }
      return now.minus(Duration.ofNanos((long) nanos));
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw DockerException.client(
          "invalid value for \"since\": failed to parse value as time or duration: \""
              + text
              + "\"");
    }
  }
}
