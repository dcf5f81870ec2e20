package io.dockerlings.simulator.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The Go standard library's number, boolean and duration parsers as the docker CLI meets them
 * through its flag library: same accepted syntax, same error wording ({@code strconv.ParseInt:
 * parsing "x": invalid syntax}, {@code time: missing unit in duration "5"}).
 *
 * <p>Each parser throws {@link IllegalArgumentException} whose message is Go's error text.
 */
final class GoParse {
  private static final Map<String, Long> DURATION_UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoParse() {}

  /** {@code strconv.ParseBool}: exactly 1, t, T, TRUE, true, True and their false twins. */
  static boolean parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw numError("ParseBool", s, "invalid syntax");
    };
  }

  /** {@code strconv.ParseInt(s, 0, bits)}: sign, then a 0x/0o/0b/0 prefix or decimal. */
  static long parseInt(String s, int bits) {
    String body = s;
    boolean negative = false;
    if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    BigInteger magnitude = unsigned(body, s, "ParseInt");
    BigInteger value = negative ? magnitude.negate() : magnitude;
    BigInteger limit = BigInteger.ONE.shiftLeft(bits - 1);
    if (value.compareTo(limit.negate()) < 0 || value.compareTo(limit) >= 0) {
      throw numError("ParseInt", s, "value out of range");
    }
    return value.longValueExact();
  }

  /** {@code strconv.ParseInt(s, 10, 64)}: decimal digits only, optional sign. */
  static long parseInt10(String s) {
    if (!s.matches("[+-]?\\d+")) {
      throw numError("ParseInt", s, "invalid syntax");
    }
    BigInteger value = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
    if (value.bitLength() > 63) {
      throw numError("ParseInt", s, "value out of range");
    }
    return value.longValue();
  }

  /** {@code strconv.ParseUint(s, 0, bits)}: no sign allowed. */
  static long parseUint(String s, int bits) {
    BigInteger value = unsigned(s, s, "ParseUint");
    if (value.bitLength() > bits) {
      throw numError("ParseUint", s, "value out of range");
    }
    return value.longValue();
  }

  private static BigInteger unsigned(String body, String whole, String func) {
    if (body.isEmpty()) {
      throw numError(func, whole, "invalid syntax");
    }
    int radix = 10;
    String digits = body;
    if (body.charAt(0) == '0') {
      char p = body.length() >= 3 ? Character.toLowerCase(body.charAt(1)) : '0';
      radix = p == 'x' ? 16 : p == 'b' ? 2 : 8;
      digits = p == 'x' || p == 'o' || p == 'b' ? body.substring(2) : body.substring(1);
    }
    boolean underscores = false;
    StringBuilder clean = new StringBuilder();
    for (char c : digits.toCharArray()) {
      if (c == '_') {
        underscores = true;
      } else if (c < 128 && Character.digit(c, radix) >= 0) {
        clean.append(c);
      } else {
        throw numError(func, whole, "invalid syntax");
      }
    }
    if (underscores && !underscoresOk(body)) {
      throw numError(func, whole, "invalid syntax");
    }
    return clean.length() == 0 ? BigInteger.ZERO : new BigInteger(clean.toString(), radix);
  }

  /** Go's rule: every '_' sits between digits, or right after the base prefix. */
  private static boolean underscoresOk(String s) {
    char saw = '^';
    int i = 0;
    if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
      i = 2;
      saw = '0';
    }
    boolean hex = i == 2 && Character.toLowerCase(s.charAt(1)) == 'x';
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c) || hex && "abcdefABCDEF".indexOf(c) >= 0) {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else if (saw == '_') {
        return false;
      } else {
        saw = '!';
      }
    }
    return saw != '_';
  }

  /** {@code strconv.ParseFloat(s, 64)} for the plain decimal forms size strings use. */
  static double parseFloat(String s) {
    if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw numError("ParseFloat", s, "invalid syntax");
    }
    return Double.parseDouble(s);
  }

  /**
   * {@code big.Rat.SetString}: a decimal with optional exponent, or a fraction {@code a/b}.
   *
   * @throws IllegalArgumentException with an empty message when the text is no number
   */
  static BigDecimal parseRational(String s) {
    if (s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
      return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
    }
    if (s.matches("[+-]?\\d+/\\d+")) {
      String[] parts = s.split("/");
      BigDecimal denominator = new BigDecimal(parts[1]);
      if (denominator.signum() != 0) {
        BigDecimal numerator =
            new BigDecimal(parts[0].startsWith("+") ? parts[0].substring(1) : parts[0]);
        try {
          return numerator.divide(denominator);
        } catch (ArithmeticException e) {
          // A fraction without a finite decimal form (1/3) is still a number: approximate it.
          return numerator.divide(denominator, java.math.MathContext.DECIMAL128);
        }
      }
    }
    throw new IllegalArgumentException("");
  }

  /** {@code time.ParseDuration}: {@code 1h30m}, {@code 1.5s}, {@code -2m}; nanoseconds. */
  static long parseDuration(String s) {
    String orig = s;
    String rest = s;
    boolean negative = false;
    if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
      negative = rest.charAt(0) == '-';
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return 0;
    }
    if (rest.isEmpty()) {
      throw invalidDuration(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    while (!rest.isEmpty()) {
      char c = rest.charAt(0);
      if (!(c == '.' || Character.isDigit(c))) {
        throw invalidDuration(orig);
      }
      int i = 0;
      while (i < rest.length() && Character.isDigit(rest.charAt(i))) {
        i++;
      }
      String whole = rest.substring(0, i);
      String fraction = "";
      if (i < rest.length() && rest.charAt(i) == '.') {
        int j = i + 1;
        while (j < rest.length() && Character.isDigit(rest.charAt(j))) {
          j++;
        }
        fraction = rest.substring(i + 1, j);
        i = j;
        if (whole.isEmpty() && fraction.isEmpty()) {
          throw invalidDuration(orig);
        }
      }
      rest = rest.substring(i);
      int u = 0;
      while (u < rest.length() && rest.charAt(u) != '.' && !Character.isDigit(rest.charAt(u))) {
        u++;
      }
      if (u == 0) {
        throw new IllegalArgumentException("time: missing unit in duration " + quote(orig));
      }
      String unit = rest.substring(0, u);
      rest = rest.substring(u);
      Long scale = DURATION_UNITS.get(unit);
      if (scale == null) {
        throw new IllegalArgumentException(
            "time: unknown unit " + quote(unit) + " in duration " + quote(orig));
      }
      String number = (whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction);
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(scale)));
      if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw invalidDuration(orig);
      }
    }
    long nanos = total.longValue();
    return negative ? -nanos : nanos;
  }

  private static IllegalArgumentException invalidDuration(String orig) {
    return new IllegalArgumentException("time: invalid duration " + quote(orig));
  }

  private static IllegalArgumentException numError(String func, String input, String reason) {
    return new IllegalArgumentException(
        "strconv." + func + ": parsing " + quote(input) + ": " + reason);
  }

  /** {@code strconv.Quote}: double quotes, Go escapes for quotes, backslashes and controls. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    b.append(String.format("\\x%02x", c));
                  } else {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.append('"').toString();
  }
}
