package io.dockerlings.simulator.sh;

import java.util.List;

/** {@code printf} formatting and the backslash escapes of {@code echo -e}. */
final class Printf {
  private Printf() {}

  static String unescape(String s) {
    return unescape(s, false);
  }

  /**
   * The escapes of {@code echo -e} and {@code printf %b}; with {@code rawBytes} an octal escape
   * above 0x7f stands for that byte (see {@link #RAW}) rather than for the character.
   */
  static String unescape(String s, boolean rawBytes) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'a' -> b.append('\007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'v' -> b.append('\013');
        case 'e' -> b.append('\033');
        case '\\' -> b.append('\\');
        case '0' -> {
          int v = 0;
          int k = 0;
          while (k < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
            v = v * 8 + (s.charAt(++i) - '0');
            k++;
          }
          b.append(rawBytes ? raw(v) : (char) v);
        }
        case 'c' -> {
          return b.toString();
        }
        default -> b.append('\\').append(n);
      }
    }
    return b.toString();
  }

  /** Formats like printf(1), reusing the format until the arguments run out. */
  static String format(String fmt, List<String> args) {
    return format(fmt, args, new java.util.ArrayList<>());
  }

  /** Like {@link #format(String, List)}, adding busybox's complaints about bad numbers. */
  static String format(String fmt, List<String> args, List<String> errors) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    do {
      for (int i = 0; i < fmt.length(); i++) {
        char c = fmt.charAt(i);
        if (c == '\\') {
          int end = Math.min(fmt.length(), i + 2);
          int digits = i + 1;
          while (digits < fmt.length() && digits < i + 4 && isOctal(fmt.charAt(digits))) {
            digits++;
          }
          if (digits > i + 1) {
            // \NNN: the byte with that octal value (busybox and bash printf alike).
            out.append(raw(Integer.parseInt(fmt.substring(i + 1, digits), 8) & 0xff));
            i = digits - 1;
            continue;
          }
          out.append(unescape(fmt.substring(i, end), true));
          i = end - 1;
          continue;
        }
        if (c != '%' || i + 1 >= fmt.length()) {
          out.append(c);
          continue;
        }
        int j = i + 1;
        while (j < fmt.length() && "-+ 0#.0123456789".indexOf(fmt.charAt(j)) >= 0) {
          j++;
        }
        if (j >= fmt.length()) {
          out.append(fmt.substring(i));
          break;
        }
        char conv = fmt.charAt(j);
        String flags = fmt.substring(i + 1, j);
        String arg = next < args.size() ? args.get(next) : null;
        switch (conv) {
          case '%' -> out.append('%');
          case 's' -> {
            out.append(String.format("%" + flags + "s", arg == null ? "" : arg));
            next++;
          }
          case 'b' -> {
            out.append(unescape(arg == null ? "" : arg, true));
            next++;
          }
          case 'd', 'i' -> {
            out.append(String.format("%" + flags + "d", integer(arg, errors)));
            next++;
          }
          case 'x', 'X', 'o' -> {
            out.append(String.format("%" + flags + conv, integer(arg, errors)));
            next++;
          }
          case 'f', 'e', 'g', 'E', 'G' -> {
            double v = 0;
            try {
              v = arg == null ? 0 : Double.parseDouble(arg.trim());
            } catch (NumberFormatException e) {
              errors.add("invalid number '" + arg + "'");
            }
            out.append(String.format(java.util.Locale.ROOT, "%" + flags + conv, v));
            next++;
          }
          case 'c' -> {
            if (arg != null && !arg.isEmpty()) {
              out.append(arg.charAt(0));
            }
            next++;
          }
          default -> out.append('%').append(flags).append(conv);
        }
        i = j;
      }
    } while (next > 0 && next < args.size());
    return out.toString();
  }

  private static long integer(String arg, List<String> errors) {
    if (arg == null) {
      return 0;
    }
    try {
      return Long.parseLong(arg.trim());
    } catch (NumberFormatException e) {
      errors.add("invalid number '" + arg + "'");
      return 0;
    }
  }

  /**
   * Where raw bytes 0x80..0xff written by an octal escape live in a formatted text: the low
   * surrogates U+DC80..U+DCFF, which no decoded text holds (a byte 0x00..0x7f is its own char).
   */
  private static final int RAW = 0xDC00;

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static char raw(int v) {
    return v < 0x80 ? (char) v : (char) (RAW + v);
  }

  /** Whether {@code text} holds a raw byte from an octal escape. */
  static boolean hasRawBytes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= RAW + 0x80 && c <= RAW + 0xff) {
        return true;
      }
    }
    return false;
  }

  /** The bytes {@code text} stands for: its raw bytes as they are, the rest as UTF-8. */
  static byte[] bytes(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= RAW + 0x80 && c <= RAW + 0xff) {
        out.writeBytes(run.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        run.setLength(0);
        out.write(c - RAW);
      } else {
        run.append(c);
      }
    }
    out.writeBytes(run.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** {@code bytes} as text when they are well-formed UTF-8, else empty. */
  static java.util.Optional<String> utf8(byte[] bytes) {
    try {
      return java.util.Optional.of(
          java.nio.charset.StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return java.util.Optional.empty();
    }
  }
}
