package io.dockerlings.simulator.sh;

import java.util.List;

/** {@code printf} formatting and the backslash escapes of {@code echo -e}. */
final class Printf {
  private Printf() {}

  static String unescape(String s) {
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
          b.append((char) v);
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
          out.append(unescape(fmt.substring(i, end)));
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
            out.append(unescape(arg == null ? "" : arg));
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
}
