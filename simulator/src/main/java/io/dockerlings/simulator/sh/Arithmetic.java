package io.dockerlings.simulator.sh;

/**
 * Shell arithmetic {@code $((...))}: integers, variables by name, {@code + - * / %}, comparisons,
 * {@code && ||}, parentheses and unary minus, with C precedence.
 */
final class Arithmetic {
  private final String s;
  private final ShellProcess shell;
  private int pos;

  private Arithmetic(String s, ShellProcess shell) {
    this.s = s;
    this.shell = shell;
  }

  static long eval(String expr, ShellProcess shell) {
    Arithmetic a = new Arithmetic(expr, shell);
    long v = a.assignment();
    a.skip();
    if (a.pos < a.s.length()) {
      throw new ShellProcess.Abort("arithmetic syntax error", 2);
    }
    return v;
  }

  /** {@code name = expr} and {@code name op= expr}: sets the variable, yields the new value. */
  private long assignment() {
    skip();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*([-+*/%]?)=(?!=)")
            .matcher(s)
            .region(pos, s.length());
    if (!m.lookingAt()) {
      return or();
    }
    String name = m.group(1);
    String op = m.group(2);
    pos = m.end();
    long right = assignment();
    long old = op.isEmpty() ? 0 : new Arithmetic(name, shell).or();
    if ((op.equals("/") || op.equals("%")) && right == 0) {
      throw new ShellProcess.Abort("divide by zero", 2);
    }
    long v =
        switch (op) {
          case "+" -> old + right;
          case "-" -> old - right;
          case "*" -> old * right;
          case "/" -> old / right;
          case "%" -> old % right;
          default -> right;
        };
    shell.checkWritable(name, "");
    shell.setVar(name, Long.toString(v));
    return v;
  }

  private void skip() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private boolean startsWith(String op) {
    skip();
    return s.startsWith(op, pos);
  }

  private boolean eat(String op) {
    skip();
    if (s.startsWith(op, pos)) {
      pos += op.length();
      return true;
    }
    return false;
  }

  private long or() {
    long v = and();
    while (eat("||")) {
      long r = and();
      v = (v != 0 || r != 0) ? 1 : 0;
    }
    return v;
  }

  private long and() {
    long v = cmp();
    while (eat("&&")) {
      long r = cmp();
      v = (v != 0 && r != 0) ? 1 : 0;
    }
    return v;
  }

  private long cmp() {
    long v = add();
    while (true) {
      if (eat("==")) {
        v = v == add() ? 1 : 0;
      } else if (eat("!=")) {
        v = v != add() ? 1 : 0;
      } else if (eat("<=")) {
        v = v <= add() ? 1 : 0;
      } else if (eat(">=")) {
        v = v >= add() ? 1 : 0;
      } else if (eat("<")) {
        v = v < add() ? 1 : 0;
      } else if (eat(">")) {
        v = v > add() ? 1 : 0;
      } else {
        return v;
      }
    }
  }

  private long add() {
    long v = mul();
    while (true) {
      if (eat("+")) {
        v += mul();
      } else if (eat("-")) {
        v -= mul();
      } else {
        return v;
      }
    }
  }

  private long mul() {
    long v = power();
    while (true) {
      if (!startsWith("**") && eat("*")) {
        v *= power();
      } else if (eat("/")) {
        long d = power();
        if (d == 0) {
          throw new ShellProcess.Abort("divide by zero", 2);
        }
        v /= d;
      } else if (eat("%")) {
        long d = power();
        if (d == 0) {
          throw new ShellProcess.Abort("divide by zero", 2);
        }
        v %= d;
      } else {
        return v;
      }
    }
  }

  /** {@code a ** b}, binding tighter than {@code *} and grouping to the right. */
  private long power() {
    long base = unary();
    if (!eat("**")) {
      return base;
    }
    long exp = power();
    if (exp < 0) {
      throw new ShellProcess.Abort("exponent less than 0", 2);
    }
    if (Math.abs(base) <= 1) {
      return base == -1 && exp % 2 == 1
          ? -1
          : base == 0 && exp > 0 ? 0 : Math.abs(base) | (exp == 0 ? 1 : 0);
    }
    long v = 1;
    for (long k = 0; k < exp && k < 64; k++) {
      v *= base;
    }
    return v;
  }

  private long unary() {
    if (eat("-")) {
      return -unary();
    }
    if (eat("+")) {
      return unary();
    }
    if (eat("!")) {
      return unary() == 0 ? 1 : 0;
    }
    if (eat("(")) {
      long v = or();
      if (!eat(")")) {
        throw new ShellProcess.Abort("arithmetic syntax error", 2);
      }
      return v;
    }
    skip();
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
      pos++;
    }
    String tok = s.substring(start, pos);
    if (tok.isEmpty()) {
      throw new ShellProcess.Abort("arithmetic syntax error", 2);
    }
    if (Character.isDigit(tok.charAt(0))) {
      try {
        return Long.parseLong(tok);
      } catch (NumberFormatException e) {
        throw new ShellProcess.Abort("arithmetic syntax error", 2);
      }
    }
    String v = shell.lookup(tok);
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ShellProcess.Abort("arithmetic syntax error", 2);
    }
  }
}
