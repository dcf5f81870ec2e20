package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FsException;
import java.util.ArrayList;
import java.util.List;

/** The {@code test} / {@code [} builtin: file tests, string tests and integer comparisons. */
final class Test {
  private static final java.util.Set<String> BINARY =
      java.util.Set.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge");
  private static final java.util.Set<String> UNARY =
      java.util.Set.of("-z", "-n", "-e", "-r", "-w", "-f", "-d", "-L", "-h", "-s", "-x");

  private Test() {}

  static int evaluate(String name, List<String> argsIn, ShellProcess sh) {
    List<String> args = new ArrayList<>(argsIn);
    if (name.equals("[")) {
      if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
        sh.write(2, "sh: missing ]\n");
        return 2;
      }
      args.remove(args.size() - 1);
    }
    try {
      return expr(args, sh) ? 0 : 1;
    } catch (IllegalArgumentException e) {
      // busybox names the offending word, not the test command
      sh.write(2, "sh: " + e.getMessage() + "\n");
      return 2;
    }
  }

  private static boolean expr(List<String> a, ShellProcess sh) {
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).equals("-o") && i > 0) {
        return expr(a.subList(0, i), sh) || expr(a.subList(i + 1, a.size()), sh);
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).equals("-a") && i > 0) {
        return expr(a.subList(0, i), sh) && expr(a.subList(i + 1, a.size()), sh);
      }
    }
    if (!a.isEmpty() && a.get(0).equals("!")) {
      return !expr(a.subList(1, a.size()), sh);
    }
    return switch (a.size()) {
      case 0 -> false;
      case 1 -> !a.get(0).isEmpty();
      case 2 -> {
        if (BINARY.contains(a.get(1)) && !UNARY.contains(a.get(0))) {
          throw new IllegalArgumentException(a.get(1) + ": argument expected");
        }
        yield unary(a.get(0), a.get(1), sh);
      }
      case 3 -> binary(a.get(0), a.get(1), a.get(2));
      default -> throw new IllegalArgumentException("unknown operand");
    };
  }

  private static boolean unary(String op, String v, ShellProcess sh) {
    if (op.equals("-z")) {
      return v.isEmpty();
    }
    if (op.equals("-n")) {
      return !v.isEmpty();
    }
    FileStat st;
    try {
      st =
          op.equals("-L") || op.equals("-h")
              ? sh.host().fs().lstat(Paths.resolve(sh.cwd(), v))
              : sh.host().fs().stat(Paths.resolve(sh.cwd(), v));
    } catch (FsException e) {
      return false;
    }
    return switch (op) {
      case "-e", "-r", "-w" -> true;
      case "-f" -> st.isFile();
      case "-d" -> st.isDirectory();
      case "-L", "-h" -> st.isSymlink();
      case "-s" -> st.size() > 0;
      case "-x" -> (st.mode() & 0111) != 0;
      default -> throw new IllegalArgumentException(op + ": unknown operand");
    };
  }

  private static boolean binary(String l, String op, String r) {
    return switch (op) {
      case "=", "==" -> l.equals(r);
      case "!=" -> !l.equals(r);
      case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
        long x = number(l);
        long y = number(r);
        yield switch (op) {
          case "-eq" -> x == y;
          case "-ne" -> x != y;
          case "-lt" -> x < y;
          case "-le" -> x <= y;
          case "-gt" -> x > y;
          default -> x >= y;
        };
      }
      default -> throw new IllegalArgumentException(op + ": unknown operand");
    };
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(s + ": bad number");
    }
  }
}
