package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The commands the shell carries out itself (cd, export, trap, test, echo, read...), because they
 * change the shell's own state or, as in busybox, run without a new process.
 */
final class Builtins {
  private static final Set<String> NAMES =
      Set.of(
          "cd",
          "pwd",
          "export",
          "unset",
          "set",
          "exit",
          "return",
          "true",
          "false",
          ":",
          "test",
          "[",
          "echo",
          "printf",
          "read",
          "trap",
          "kill",
          "wait",
          "exec",
          "eval",
          ".",
          "source",
          "type",
          "command",
          "shift",
          "local",
          "readonly",
          "umask",
          "break",
          "continue",
          "alias",
          "help");

  private static final String[] SIGNAL_NAMES = {
    "0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
    "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"
  };

  private final ShellProcess sh;

  Builtins(ShellProcess sh) {
    this.sh = sh;
  }

  boolean has(String name) {
    return NAMES.contains(name);
  }

  int run(List<String> w, String stdin) {
    String name = w.get(0);
    List<String> args = w.subList(1, w.size());
    return switch (name) {
      case "true", ":" -> 0;
      case "false" -> 1;
      case "cd" -> cd(args);
      case "pwd" -> {
        sh.write(1, sh.cwd + "\n");
        yield 0;
      }
      case "export" -> {
        for (String a : args) {
          int eq = a.indexOf('=');
          String key = eq < 0 ? a : a.substring(0, eq);
          if (eq >= 0) {
            sh.vars.put(key, a.substring(eq + 1));
          }
          sh.exported.add(key);
        }
        if (args.isEmpty()) {
          new TreeMap<>(sh.environment())
              .forEach((k, v) -> sh.write(1, "export " + k + "='" + v + "'\n"));
        }
        yield 0;
      }
      case "unset" -> {
        args.forEach(
            a -> {
              sh.checkWritable(a, "unset: line 0: ");
              sh.vars.remove(a);
              sh.exported.remove(a);
              sh.functions.remove(a);
            });
        yield 0;
      }
      case "set" -> set(args);
      case "readonly" -> readonly(args);
      case "local" -> {
        for (String a : args) {
          int eq = a.indexOf('=');
          sh.declareLocal(eq < 0 ? a : a.substring(0, eq));
          if (eq >= 0) {
            sh.vars.put(a.substring(0, eq), a.substring(eq + 1));
          }
        }
        yield 0;
      }
      case "exit" ->
          throw new ShellProcess.ExitRequest(
              args.isEmpty() ? sh.status : number(args.get(0), "exit"));
      case "return" ->
          throw new ShellProcess.ReturnRequest(
              args.isEmpty() ? sh.status : number(args.get(0), "return"));
      case "break", "continue" ->
          throw new ShellProcess.LoopControl(
              name.equals("break"), args.isEmpty() ? 1 : Math.max(1, number(args.get(0), name)));
      case "shift" -> {
        int n = args.isEmpty() ? 1 : number(args.get(0), "shift");
        if (n > sh.positional.size()) {
          yield 1;
        }
        sh.positional = new ArrayList<>(sh.positional.subList(n, sh.positional.size()));
        yield 0;
      }
      case "test", "[" -> Test.evaluate(name, args, sh);
      case "echo" -> echo(args);
      case "printf" -> printf(args);
      case "read" -> read(args, stdin);
      case "trap" -> trap(args);
      case "kill" -> kill(args);
      case "wait" ->
          // a pid that is not a child of this shell: ash answers 127
          args.stream()
                  .anyMatch(
                      a ->
                          a.matches("[0-9]+")
                              && (a.length() > 9
                                  || !sh.host().children().contains(Integer.parseInt(a))))
              ? 127
              : 0;
      case "eval", ".", "source" -> eval(name, args);
      case "exec" -> {
        if (args.isEmpty()) {
          yield 0;
        }
        throw new ShellProcess.ExecRequest(args, stdin);
      }
      case "type", "command" -> type(name, args);
      case "umask" -> {
        if (args.isEmpty()) {
          sh.write(1, String.format("%04o%n", sh.umask));
          yield 0;
        }
        if (!args.get(0).matches("[0-7]{1,4}")) {
          sh.write(2, "sh: umask: line 0: illegal mode: " + args.get(0) + "\n");
          yield 2;
        }
        sh.umask = Integer.parseInt(args.get(0), 8);
        yield 0;
      }
      case "alias" -> 0;
      default -> {
        sh.write(
            1,
            "Built-in commands:\n------------------\n\t. : [ [[ alias bg break cd chdir command continue echo eval exec\n\texit export false fg getopts hash help history jobs kill let\n\tlocal printf pwd read readonly return set shift source test times\n\ttrap true type ulimit umask unalias unset wait\n\n");
        yield 0;
      }
    };
  }

  private int number(String s, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new ShellProcess.Abort(what + ": Illegal number: " + s, 2);
    }
  }

  private int readonly(List<String> args) {
    if (args.isEmpty()) {
      for (String n : sh.readOnly) {
        String v = sh.vars.get(n);
        sh.write(1, "readonly " + n + (v == null ? "" : "='" + v + "'") + "\n");
      }
      return 0;
    }
    for (String a : args) {
      int eq = a.indexOf('=');
      String n = eq < 0 ? a : a.substring(0, eq);
      if (eq >= 0) {
        sh.checkWritable(n, "readonly: line 0: ");
        sh.vars.put(n, a.substring(eq + 1));
      }
      sh.readOnly.add(n);
    }
    return 0;
  }

  private int cd(List<String> args) {
    String target = args.isEmpty() ? sh.vars.getOrDefault("HOME", "/") : args.get(0);
    if (target.equals("-")) {
      target = sh.vars.getOrDefault("OLDPWD", sh.cwd);
    }
    String path = Paths.resolve(sh.cwd, target);
    try {
      if (!sh.host().fs().stat(path).isDirectory()) {
        throw new FsException(FsException.Reason.NOT_A_DIRECTORY, path);
      }
    } catch (FsException e) {
      sh.write(2, "sh: cd: line 0: can't cd to " + target + ": " + e.reason().text() + "\n");
      return 2;
    }
    sh.vars.put("OLDPWD", sh.cwd);
    sh.cwd = path;
    if (args.size() == 1 && args.get(0).equals("-")) {
      // cd - tells where it went
      sh.write(1, path + "\n");
    }
    return 0;
  }

  private int set(List<String> args) {
    if (args.isEmpty()) {
      new TreeMap<>(sh.vars).forEach((k, v) -> sh.write(1, k + "='" + v + "'\n"));
      return 0;
    }
    int i = 0;
    while (i < args.size() && (args.get(i).startsWith("-") || args.get(i).startsWith("+"))) {
      String a = args.get(i);
      if (a.equals("--") || a.equals("-")) {
        i++;
        break;
      }
      boolean value = a.charAt(0) == '-';
      if (a.substring(1).equals("o")) {
        if (i + 1 >= args.size()) {
          // A bare -o lists the options; +o prints commands that restore them.
          sh.write(1, value ? sh.options.listing() : sh.options.restoreCommands());
          i++;
          continue;
        }
        String name = args.get(i + 1);
        if (!sh.options.setByName(name, value)) {
          // ash reports an unknown -o name and goes on with the script.
          sh.write(2, "sh: set: line 0: illegal option " + a + " " + name + "\n");
          return 1;
        }
        i += 2;
        continue;
      }
      for (char c : a.substring(1).toCharArray()) {
        var name = ShellOptions.nameOf(c);
        if (name.isEmpty()) {
          throw new ShellProcess.Abort("set: line 0: illegal option " + a.charAt(0) + c, 2);
        }
        sh.options.setByName(name.get(), value);
      }
      i++;
    }
    if (i < args.size() || args.get(args.size() - 1).equals("--")) {
      sh.positional = new ArrayList<>(args.subList(i, args.size()));
    }
    return 0;
  }

  private int echo(List<String> args) {
    boolean newline = true;
    boolean escapes = false;
    int i = 0;
    while (i < args.size() && args.get(i).matches("-[neE]+")) {
      for (char c : args.get(i).substring(1).toCharArray()) {
        if (c == 'n') {
          newline = false;
        } else if (c == 'e') {
          escapes = true;
        } else {
          escapes = false;
        }
      }
      i++;
    }
    String text = String.join(" ", args.subList(i, args.size()));
    if (escapes) {
      text = Printf.unescape(text, true);
    }
    writeOut(newline ? text + "\n" : text);
    return 0;
  }

  /**
   * Writes formatted text to stdout; raw bytes from octal escapes go as bytes, unless with the rest
   * they spell well-formed UTF-8 ({@code printf '\\303\\251'} is an é of two bytes).
   */
  private void writeOut(String text) {
    if (!Printf.hasRawBytes(text)) {
      sh.write(1, text);
      return;
    }
    byte[] bytes = Printf.bytes(text);
    java.util.Optional<String> utf8 = Printf.utf8(bytes);
    if (utf8.isPresent()) {
      sh.write(1, utf8.get());
    } else {
      sh.stdoutSink().writeBytes(bytes);
    }
  }

  private int printf(List<String> args) {
    if (args.isEmpty()) {
      sh.write(2, "printf: usage: printf FORMAT [ARGUMENT...]\n");
      return 1;
    }
    List<String> errors = new ArrayList<>();
    String text = Printf.format(args.get(0), args.subList(1, args.size()), errors);
    errors.forEach(e -> sh.write(2, "sh: " + e + "\n"));
    writeOut(text);
    return errors.isEmpty() ? 0 : 1;
  }

  private int read(List<String> args, String stdin) {
    List<String> names = new ArrayList<>();
    for (String a : args) {
      if (!a.startsWith("-")) {
        names.add(a);
      }
    }
    if (names.isEmpty()) {
      names.add("REPLY");
    }
    if (stdin.isEmpty()) {
      names.forEach(n -> sh.vars.put(n, ""));
      return 1;
    }
    int nl = stdin.indexOf('\n');
    String line = nl < 0 ? stdin : stdin.substring(0, nl);
    String ifs = sh.lookup("IFS");
    // IFS= keeps the line whole, leading and trailing blanks included
    String[] fields =
        ifs != null && ifs.isEmpty()
            ? new String[] {line}
            : line.trim().split("\\s+", names.size());
    for (int k = 0; k < names.size(); k++) {
      sh.vars.put(names.get(k), k < fields.length ? fields[k] : "");
    }
    return 0;
  }

  private int trap(List<String> args) {
    if (args.isEmpty()) {
      new TreeMap<>(sh.traps)
          .forEach(
              (sig, action) -> sh.write(1, "trap -- '" + action + "' " + SIGNAL_NAMES[sig] + "\n"));
      return 0;
    }
    if (args.size() == 1) {
      sh.traps.remove(signalNumber(args.get(0)));
      return 0;
    }
    String action = args.get(0);
    for (String s : args.subList(1, args.size())) {
      int n = signalNumber(s);
      if (n < 0) {
        sh.write(2, "sh: trap: line 0: " + s + ": invalid signal specification\n");
        return 1;
      }
      if (action.equals("-")) {
        sh.traps.remove(n);
      } else {
        sh.traps.put(n, action);
      }
    }
    return 0;
  }

  static int signalNumber(String s) {
    String t = s.toUpperCase(java.util.Locale.ROOT);
    if (t.startsWith("SIG")) {
      t = t.substring(3);
    }
    if (t.equals("EXIT")) {
      return 0;
    }
    if (t.matches("\\d+")) {
      // Any number of digits: those beyond the signal table are simply no signal.
      return t.length() <= 3 && Integer.parseInt(t) < SIGNAL_NAMES.length
          ? Integer.parseInt(t)
          : -1;
    }
    for (int i = 1; i < SIGNAL_NAMES.length; i++) {
      if (SIGNAL_NAMES[i].equals(t)) {
        return i;
      }
    }
    return -1;
  }

  private int kill(List<String> args) {
    int sig = 15;
    List<String> pids = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-l")) {
        if (i + 1 < args.size()) {
          // kill -l 9 TERM -> KILL, 15: numbers become names and names numbers
          for (String q : args.subList(i + 1, args.size())) {
            sh.write(1, signalListing(q) + "\n");
          }
          return 0;
        }
        for (int n = 1; n < SIGNAL_NAMES.length; n++) {
          sh.write(1, String.format("%2d) %s%n", n, SIGNAL_NAMES[n]));
        }
        return 0;
      } else if (a.equals("-s") && i + 1 < args.size()) {
        sig = signalNumber(args.get(++i));
      } else if (a.startsWith("-")) {
        sig = signalNumber(a.substring(1));
      } else {
        pids.add(a);
      }
    }
    int status = 0;
    for (String p : pids) {
      boolean ok;
      try {
        int pid = Integer.parseInt(p);
        ok = pid == sh.pid ? selfSignal(sig) : sh.host().kill(pid, sig, sh.now());
      } catch (NumberFormatException e) {
        ok = false;
      }
      if (!ok) {
        sh.write(2, "sh: can't kill pid " + p + ": No such process\n");
        status = 1;
      }
    }
    return status;
  }

  private boolean selfSignal(int sig) {
    sh.signal(sig, sh.now());
    return true;
  }

  private int eval(String name, List<String> args) {
    String script;
    if (name.equals("eval")) {
      script = String.join(" ", args);
    } else {
      if (args.isEmpty()) {
        return 0;
      }
      try {
        script =
            new String(
                sh.host().fs().read(Paths.resolve(sh.cwd, args.get(0))),
                java.nio.charset.StandardCharsets.UTF_8);
      } catch (FsException e) {
        sh.write(
            2, "sh: " + name + ": can't open '" + args.get(0) + "': No such file or directory\n");
        return 2;
      }
    }
    Ast.Node node;
    try {
      node = ShellParser.parse(script);
    } catch (ShellSyntaxException e) {
      // ash: a syntax error in eval or a sourced file is the shell's own, so a script ends with 2;
      // eval's line is the script's (0 here), a sourced file's is its own.
      String where =
          name.equals("eval")
              ? sh.interactive() ? "eval: " : "eval: line 0: "
              : args.get(0) + ": line " + e.line() + ": ";
      throw new ShellProcess.Abort(where + e.getMessage(), 2);
    }
    return sh.runNested(node, "", text -> sh.write(1, text));
  }

  private int evalWords(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.append('\'').append(w.replace("'", "'\\''")).append("' ");
    }
    return sh.runNested(ShellParser.parse(b.toString()), "", text -> sh.write(1, text));
  }

  private String signalListing(String q) {
    if (q.matches("[0-9]+")) {
      int n = Integer.parseInt(q);
      return n >= 1 && n < SIGNAL_NAMES.length ? SIGNAL_NAMES[n] : q;
    }
    return String.valueOf(signalNumber(q));
  }

  private int type(String name, List<String> args) {
    List<String> names = new ArrayList<>(args);
    boolean v = !names.isEmpty() && names.get(0).equals("-v");
    if (v) {
      names.remove(0);
    }
    int status = 0;
    for (String n : names) {
      Programs.Resolution r = Programs.resolve(sh, n);
      if (has(n)) {
        sh.write(1, v ? n + "\n" : n + " is a shell builtin\n");
      } else if (sh.functions.containsKey(n)) {
        sh.write(1, v ? n + "\n" : n + " is a function\n");
      } else if (r.kind() == Programs.Kind.NOT_FOUND) {
        if (!v) {
          sh.write(1, n + ": not found\n");
        }
        status = 127;
      } else {
        // busybox runs its own applets without a PATH search, so it names them bare
        boolean applet =
            switch (r.kind()) {
              case APPLET, SHELL, SLEEP -> true;
              default -> Set.of("httpd", "telnetd", "nc", "top", "yes").contains(n);
            };
        String where = applet ? n : r.path();
        sh.write(1, v ? where + "\n" : n + " is " + where + "\n");
      }
    }
    return name.equals("command") && !v && !names.isEmpty() ? evalWords(names) : status;
  }

  /** For tests: the set of builtin names. */
  static Set<String> names() {
    return NAMES;
  }

  static Map<Integer, String> signalNames() {
    Map<Integer, String> m = new TreeMap<>();
    for (int i = 1; i < SIGNAL_NAMES.length; i++) {
      m.put(i, SIGNAL_NAMES[i]);
    }
    return m;
  }
}
