package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.Ast.Arith;
import io.dockerlings.simulator.sh.Ast.Lit;
import io.dockerlings.simulator.sh.Ast.Part;
import io.dockerlings.simulator.sh.Ast.Sub;
import io.dockerlings.simulator.sh.Ast.Var;
import io.dockerlings.simulator.sh.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands words as the shell does: parameters, command substitution, arithmetic, then field
 * splitting of unquoted results and pathname globbing of unquoted patterns.
 */
final class Expander {
  private final ShellProcess shell;

  Expander(ShellProcess shell) {
    this.shell = shell;
  }

  /** One word to one string, without splitting (assignments, redirection targets, case). */
  String single(Word w) {
    StringBuilder b = new StringBuilder();
    for (Part p : w.parts()) {
      b.append(value(p));
    }
    return b.toString();
  }

  /** Words to fields: split unquoted expansions on whitespace and glob unquoted patterns. */
  List<String> fields(List<Word> words) {
    List<String> out = new ArrayList<>();
    for (Word w : words) {
      if (w.parts().size() == 1
          && w.parts().get(0) instanceof Var v
          && v.quoted()
          && (v.name().equals("@"))) {
        out.addAll(shell.positional());
        continue;
      }
      List<StringBuilder> fields = new ArrayList<>();
      StringBuilder current = null;
      boolean globbable = false;
      boolean sawQuoted = false;
      for (Part p : w.parts()) {
        boolean quoted = isQuoted(p);
        String v = value(p);
        if (p == w.parts().get(0) && !quoted && p instanceof Lit) {
          v = tilde(v);
        }
        if (quoted || p instanceof Lit) {
          if (current == null) {
            current = new StringBuilder();
            fields.add(current);
          }
          current.append(v);
          sawQuoted |= quoted;
          if (p instanceof Lit l
              && !l.quoted()
              && (v.contains("*") || v.contains("?") || v.contains("["))) {
            globbable = true;
          }
          continue;
        }
        // An unquoted expansion splits on whitespace.
        String[] pieces = v.split("[ \t\n]+", -1);
        for (int i = 0; i < pieces.length; i++) {
          if (i > 0) {
            current = null;
          }
          if (pieces[i].isEmpty() && (i == 0 || i == pieces.length - 1)) {
            continue;
          }
          if (current == null) {
            current = new StringBuilder();
            fields.add(current);
          }
          current.append(pieces[i]);
        }
      }
      if (fields.isEmpty() && sawQuoted) {
        out.add("");
      }
      for (StringBuilder f : fields) {
        if (globbable && !sawQuoted && !shell.options.on("noglob")) {
          out.addAll(glob(f.toString()));
        } else {
          out.add(f.toString());
        }
      }
    }
    return out;
  }

  /** A leading unquoted {@code ~} or {@code ~/} stands for $HOME. */
  private String tilde(String text) {
    if (!text.startsWith("~")) {
      return text;
    }
    int slash = text.indexOf('/');
    String user = slash < 0 ? text.substring(1) : text.substring(1, slash);
    String home = user.isEmpty() ? shell.lookup("HOME") : passwdHome(user);
    return home == null ? text : home + text.substring(user.length() + 1);
  }

  /** The home directory /etc/passwd gives a user ({@code ~root}), or null. */
  private String passwdHome(String user) {
    try {
      String passwd =
          new String(
              shell.host().fs().read("/etc/passwd"), java.nio.charset.StandardCharsets.UTF_8);
      for (String line : passwd.split("\n")) {
        String[] f = line.split(":", -1);
        if (f.length >= 6 && f[0].equals(user)) {
          return f[5];
        }
      }
    } catch (io.dockerlings.simulator.fs.FsException e) {
      return null;
    }
    return null;
  }

  private static boolean isQuoted(Part p) {
    if (p instanceof Lit l) {
      return l.quoted();
    }
    if (p instanceof Var v) {
      return v.quoted();
    }
    if (p instanceof Sub s) {
      return s.quoted();
    }
    return true;
  }

  private String value(Part p) {
    if (p instanceof Lit l) {
      return l.text();
    }
    if (p instanceof Var v) {
      return variable(v);
    }
    if (p instanceof Sub s) {
      return stripTrailingNewlines(shell.capture(s.command()));
    }
    return Long.toString(Arithmetic.eval(single(((Arith) p).expression()), shell));
  }

  private static String stripTrailingNewlines(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }

  private String variable(Var v) {
    String name = v.name();
    String value = shell.lookup(name);
    boolean set = value != null;
    String text = set ? value : "";
    if (!set && shell.options.on("nounset") && List.of("", "#", "##", "%", "%%").contains(v.op())) {
      throw new ShellProcess.Abort(name + ": parameter not set", 2);
    }
    return switch (v.op()) {
      case "" -> text;
      case "#" ->
          v.operand().isEmpty()
              ? Integer.toString(text.length())
              : trim(text, "#", single(v.operand().get()));
      case ":-" -> text.isEmpty() ? single(v.operand().orElseThrow()) : text;
      case "-" -> set ? text : single(v.operand().orElseThrow());
      case ":=", "=" -> {
        if (v.op().equals(":=") ? text.isEmpty() : !set) {
          String d = single(v.operand().orElseThrow());
          shell.setVar(name, d);
          yield d;
        }
        yield text;
      }
      case "##", "%", "%%" -> trim(text, v.op(), single(v.operand().orElseThrow()));
      case ":+" -> text.isEmpty() ? "" : single(v.operand().orElseThrow());
      case "+" -> set ? single(v.operand().orElseThrow()) : "";
      default -> {
        if (text.isEmpty()) {
          throw new ShellProcess.Abort(name + ": " + single(v.operand().orElseThrow()), 1);
        }
        yield text;
      }
    };
  }

  /** ${v#p} ${v##p} ${v%p} ${v%%p}: drops the shortest or longest matching prefix or suffix. */
  private static String trim(String text, String op, String pattern) {
    Pattern re = Pattern.compile(toRegex(pattern), Pattern.DOTALL);
    boolean longest = op.length() == 2;
    int n = text.length();
    for (int k = 0; k <= n; k++) {
      int len = longest ? n - k : k;
      if (op.startsWith("#") && re.matcher(text.substring(0, len)).matches()) {
        return text.substring(len);
      }
      if (op.startsWith("%") && re.matcher(text.substring(n - len)).matches()) {
        return text.substring(0, n - len);
      }
    }
    return text;
  }

  /** Expands a pattern against the container's files; no match leaves it as written. */
  List<String> glob(String pattern) {
    boolean absolute = pattern.startsWith("/");
    String[] parts = (absolute ? pattern.substring(1) : pattern).split("/");
    List<String> paths = new ArrayList<>();
    paths.add(absolute ? "/" : "");
    for (String part : parts) {
      List<String> next = new ArrayList<>();
      for (String base : paths) {
        String dir = base.isEmpty() ? shell.cwd() : Paths.resolve(shell.cwd(), base);
        if (!hasMeta(part)) {
          // A path that already leads nowhere stops here: a pattern of thousands of components
          // after a star was otherwise carried whole into every match, then resolved (found by
          // the long fuzz: 44 s of CPU).
          String candidate = join(base, part);
          if (shell.host().fs().exists(Paths.resolve(shell.cwd(), candidate))) {
            next.add(candidate);
          }
          continue;
        }
        try {
          Pattern re = Pattern.compile(toRegex(part));
          for (String name : shell.host().fs().list(dir)) {
            if (name.startsWith(".") && !part.startsWith(".")) {
              continue;
            }
            if (re.matcher(name).matches()) {
              next.add(join(base, name));
            }
          }
        } catch (RuntimeException e) {
          // An unreadable directory matches nothing, as in the shell.
        }
      }
      paths = next;
    }
    List<String> existing = new ArrayList<>();
    for (String p : paths) {
      if (shell.host().fs().exists(Paths.resolve(shell.cwd(), p))) {
        existing.add(p);
      }
    }
    if (existing.isEmpty()) {
      return List.of(pattern);
    }
    existing.sort(null);
    return existing;
  }

  private static String join(String base, String name) {
    if (base.isEmpty()) {
      return name;
    }
    return base.endsWith("/") ? base + name : base + "/" + name;
  }

  private static boolean hasMeta(String s) {
    return s.contains("*") || s.contains("?") || s.contains("[");
  }

  /** A shell pattern ({@code *}, {@code ?}, {@code [..]}) as a regular expression. */
  static String toRegex(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i > 0 && pattern.charAt(i - 1) == '*') {
        // A run of stars matches what one star matches; as ".*.*.*" it would backtrack
        // exponentially on a name that does not match (800 stars hung a glob).
        continue;
      }
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int end = pattern.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String set = pattern.substring(i + 1, end);
            if (set.startsWith("!")) {
              set = "^" + set.substring(1);
            }
            re.append('[').append(set.replace("\\", "\\\\")).append(']');
            i = end;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
