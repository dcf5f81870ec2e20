package io.dockerlings.simulator.engine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code time.Parse} for the few layouts the docker CLI tries on a {@code --since} value, with
 * Go's error texts, since the CLI shows them to the user as they are.
 */
final class GoTimeLayout {
  /** Thrown with Go's {@code parsing time ...} message. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private static final List<String> ELEMENTS =
      List.of("2006", "01", "02", "15", "04", "05", ".999999999", "Z07:00");

  private final String layout;

  GoTimeLayout(String layout) {
    this.layout = layout;
  }

  /** Parses {@code value}; a layout without a zone reads it at {@code zone}, as ParseInLocation. */
  Instant parse(String value, ZoneOffset zone) {
    int year = 0;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    long nanos = 0;
    ZoneOffset offset = zone;
    String rest = value;
    for (String[] chunk : chunks()) {
      String literal = chunk[0];
      String element = chunk[1];
      if (!rest.startsWith(literal)) {
        throw cannotParse(value, rest, literal);
      }
      rest = rest.substring(literal.length());
      if (element.isEmpty()) {
        if (!rest.isEmpty()) {
          throw new ParseError("parsing time " + quote(value) + ": extra text: " + quote(rest));
        }
        break;
      }
      String range = "";
      switch (element) {
        case "2006" -> {
          if (rest.length() < 4 || !digit(rest, 0)) {
            throw cannotParse(value, rest, element);
          }
          String digits = rest.substring(0, 4);
          // Go moves past the four characters before it finds they are not a number.
          rest = rest.substring(4);
          if (!digits.chars().allMatch(Character::isDigit)) {
            throw cannotParse(value, rest, element);
          }
          year = Integer.parseInt(digits);
        }
        case "01", "02", "04", "05", "15" -> {
          boolean fixed = !element.equals("15");
          if (!digit(rest, 0) || (fixed && !digit(rest, 1))) {
            throw cannotParse(value, rest, element);
          }
          int width = digit(rest, 1) ? 2 : 1;
          int n = Integer.parseInt(rest.substring(0, width));
          rest = rest.substring(width);
          switch (element) {
            case "01" -> {
              month = n;
              range = n < 1 || n > 12 ? "month" : "";
            }
            case "02" -> day = n;
            case "15" -> {
              hour = n;
              range = n > 23 ? "hour" : "";
            }
            case "04" -> {
              minute = n;
              range = n > 59 ? "minute" : "";
            }
            default -> {
              second = n;
              range = n > 59 ? "second" : "";
            }
          }
        }
        case ".999999999" -> {
          if (rest.length() >= 2 && rest.charAt(0) == '.' && digit(rest, 1)) {
            int end = 1;
            while (digit(rest, end)) {
              end++;
            }
            String fraction = (rest.substring(1, end) + "000000000").substring(0, 9);
            nanos = Long.parseLong(fraction);
            rest = rest.substring(end);
          }
        }
        default -> {
          if (rest.startsWith("Z")) {
            rest = rest.substring(1);
            offset = ZoneOffset.UTC;
          } else {
            if (rest.length() < 6
                || rest.charAt(3) != ':'
                || (rest.charAt(0) != '+' && rest.charAt(0) != '-')
                || !rest.substring(1, 3).chars().allMatch(Character::isDigit)
                || !rest.substring(4, 6).chars().allMatch(Character::isDigit)) {
              throw cannotParse(value, rest, element);
            }
            int sign = rest.charAt(0) == '-' ? -1 : 1;
            offset =
                ZoneOffset.ofHoursMinutes(
                    sign * Integer.parseInt(rest.substring(1, 3)),
                    sign * Integer.parseInt(rest.substring(4, 6)));
            rest = rest.substring(6);
          }
        }
      }
      if (!range.isEmpty()) {
        throw new ParseError("parsing time " + quote(value) + ": " + range + " out of range");
      }
    }
    if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      throw new ParseError("parsing time " + quote(value) + ": day out of range");
    }
    try {
      return LocalDate.of(year, month, day)
          .atTime(hour, minute, second, (int) nanos)
          .toInstant(offset);
    } catch (DateTimeException e) {
      throw new ParseError("parsing time " + quote(value) + ": " + e.getMessage());
    }
  }

  /** The layout as (literal text, element) pairs, the last element empty. */
  private List<String[]> chunks() {
    List<String[]> out = new ArrayList<>();
    String rest = layout;
    StringBuilder literal = new StringBuilder();
    outer:
    while (!rest.isEmpty()) {
      for (String element : ELEMENTS) {
        if (rest.startsWith(element)) {
          out.add(new String[] {literal.toString(), element});
          literal.setLength(0);
          rest = rest.substring(element.length());
          continue outer;
        }
      }
      literal.append(rest.charAt(0));
      rest = rest.substring(1);
    }
    out.add(new String[] {literal.toString(), ""});
    return out;
  }

  private ParseError cannotParse(String value, String rest, String element) {
    return new ParseError(
        "parsing time "
            + quote(value)
            + " as "
            + quote(layout)
            + ": cannot parse "
            + quote(rest)
            + " as "
            + quote(element));
  }

  private static boolean digit(String s, int i) {
    return i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
