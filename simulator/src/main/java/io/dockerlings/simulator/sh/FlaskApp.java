package io.dockerlings.simulator.sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flask application of the kind the course writes ({@code app.py}): the modules it imports, the
 * port {@code app.run} listens on, and for each {@code @app.route} what its function returns, read
 * from string literals, {@code .format(...)}, {@code os.getenv}, {@code socket.gethostname()} and
 * {@code redis.incr}. Python itself is not interpreted.
 *
 * @param source the script's text
 */
public record FlaskApp(String source) {
  private static final Pattern ROUTE =
      Pattern.compile("@app\\.route\\(\\s*(['\"])(.*?)\\1[^)]*\\)");
  private static final Pattern PORT = Pattern.compile("app\\.run\\([^)]*port\\s*=\\s*(\\d+)");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*(?:from\\s+([A-Za-z_][\\w.]*)\\s+import|import\\s+([A-Za-z_][\\w.]*))");

  /** What the route's function needs from the container while it answers. */
  public interface Context {
    /** An environment variable of the server process. */
    Optional<String> env(String name);

    /** The container's host name. */
    String hostname();

    /** {@code redis.incr(key)} on the host named redis, or empty when it cannot connect. */
    Optional<Long> redisIncr(String key);
  }

  /** The script as a Flask app, when it creates one. */
  public static Optional<FlaskApp> of(String source) {
    return source.contains("Flask(") ? Optional.of(new FlaskApp(source)) : Optional.empty();
  }

  /** The port {@code app.run} names; Flask's default is 5000. */
  public int port() {
    Matcher m = PORT.matcher(source);
    return m.find() ? Integer.parseInt(m.group(1)) : 5000;
  }

  /** The host {@code app.run} listens on, as its start-up line prints it. */
  public String host() {
    Matcher m = Pattern.compile("app\\.run\\([^)]*host\\s*=\\s*['\"]([^'\"]+)").matcher(source);
    return m.find() ? m.group(1) : "127.0.0.1";
  }

  /** The top-level modules imported, with the 1-based line of each import. */
  public Map<String, Integer> imports() {
    Map<String, Integer> out = new LinkedHashMap<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = IMPORT.matcher(lines[i]);
      if (m.find()) {
        String module = m.group(1) != null ? m.group(1) : m.group(2);
        out.putIfAbsent(module.split("\\.")[0], i + 1);
      }
    }
    return out;
  }

  /** The body a GET of {@code path} returns, or empty when no route matches (a 404). */
  public Optional<String> respond(String path, Context context) {
    List<String> lines = logicalLines(source);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = ROUTE.matcher(lines.get(i).trim());
      if (!m.matches() || !m.group(2).equals(path)) {
        continue;
      }
      int def = i + 1;
      while (def < lines.size() && !lines.get(def).trim().startsWith("def ")) {
        def++;
      }
      if (def >= lines.size()) {
        return Optional.empty();
      }
      return Optional.of(run(lines, def, context));
    }
    return Optional.empty();
  }

  /** Runs the function defined at line {@code def}: assignments, try/except, its return. */
  private static String run(List<String> lines, int def, Context context) {
    int indent = indentOf(lines.get(def));
    Map<String, String> vars = new LinkedHashMap<>();
    boolean failed = false;
    boolean inExcept = false;
    int exceptIndent = -1;
    for (int i = def + 1; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.isBlank()) {
        continue;
      }
      int here = indentOf(raw);
      if (here <= indent) {
        break;
      }
      String line = raw.trim();
      if (inExcept && here <= exceptIndent) {
        inExcept = false;
      }
      if (line.startsWith("try:")) {
        continue;
      }
      if (line.startsWith("except")) {
        inExcept = true;
        exceptIndent = here;
        continue;
      }
      if (inExcept && !failed) {
        continue;
      }
      if (line.startsWith("return ")) {
        return eval(line.substring(7).trim(), vars, context).value();
      }
      Matcher assign = Pattern.compile("([A-Za-z_]\\w*)\\s*=\\s*(.+)").matcher(line);
      if (assign.matches()) {
        Value v = eval(assign.group(2), vars, context);
        failed |= v.failed();
        if (!v.failed()) {
          vars.put(assign.group(1), v.value());
        }
      }
    }
    return "";
  }

  /** A value, or a call that raised (redis could not connect). */
  private record Value(String value, boolean failed) {
    static Value of(String v) {
      return new Value(v, false);
    }
  }

  private static Value eval(String expr, Map<String, String> vars, Context context) {
    String e = expr.trim();
    Matcher format = Pattern.compile("(.+?)\\.format\\((.*)\\)").matcher(e);
    if (format.matches() && !e.startsWith("os.") && !e.startsWith("socket.")) {
      String template = eval(format.group(1), vars, context).value();
      for (String kw : splitArgs(format.group(2))) {
        int eq = kw.indexOf('=');
        if (eq > 0) {
          String value = eval(kw.substring(eq + 1), vars, context).value();
          template = template.replace("{" + kw.substring(0, eq).trim() + "}", value);
        }
      }
      return Value.of(template);
    }
    if (e.startsWith("\"") || e.startsWith("'")) {
      return Value.of(literals(e));
    }
    Matcher getenv = Pattern.compile("os\\.(?:getenv|environ\\.get)\\((.*)\\)").matcher(e);
    if (getenv.matches()) {
      List<String> args = splitArgs(getenv.group(1));
      String name = literals(args.get(0));
      String fallback = args.size() > 1 ? literals(args.get(1)) : "None";
      return Value.of(context.env(name).orElse(fallback));
    }
    if (e.equals("socket.gethostname()")) {
      return Value.of(context.hostname());
    }
    Matcher incr = Pattern.compile("\\w+\\.incr\\((.*)\\)").matcher(e);
    if (incr.matches()) {
      return context
          .redisIncr(literals(incr.group(1)))
          .map(n -> Value.of(Long.toString(n)))
          .orElse(new Value("", true));
    }
    Matcher str = Pattern.compile("str\\((.*)\\)").matcher(e);
    if (str.matches()) {
      return eval(str.group(1), vars, context);
    }
    return Value.of(vars.getOrDefault(e, e));
  }

  /** Adjacent string literals joined, as Python concatenates them. */
  private static String literals(String e) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < e.length()) {
      char q = e.charAt(i);
      if (q != '"' && q != '\'') {
        i++;
        continue;
      }
      int end = e.indexOf(q, i + 1);
      if (end < 0) {
        break;
      }
      b.append(e, i + 1, end);
      i = end + 1;
    }
    return b.toString();
  }

  /** Splits call arguments at commas outside quotes and brackets. */
  private static List<String> splitArgs(String args) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(args.substring(start, i).trim());
        start = i + 1;
      }
    }
    if (start < args.length()) {
      out.add(args.substring(start).trim());
    }
    return out;
  }

  /** The lines with backslash continuations joined. */
  private static List<String> logicalLines(String source) {
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      String l = line.replace("\r", "");
      if (l.endsWith("\\")) {
        String part = l.substring(0, l.length() - 1);
        pending.append(pending.length() == 0 ? part : part.trim()).append(' ');
      } else if (pending.length() > 0) {
        out.add(pending.append(l.trim()).toString());
        pending.setLength(0);
      } else {
        out.add(l);
      }
    }
    return out;
  }

  private static int indentOf(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }

  /** The operator used to read the environment, for callers holding a map. */
  public static Context context(
      UnaryOperator<String> env,
      String hostname,
      java.util.function.Function<String, Optional<Long>> redis) {
    return new Context() {
      @Override
      public Optional<String> env(String name) {
        return Optional.ofNullable(env.apply(name));
      }

      @Override
      public String hostname() {
        return hostname;
      }

      @Override
      public Optional<Long> redisIncr(String key) {
        return redis.apply(key);
      }
    };
  }
}
