package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.Ast.AndOr;
import io.dockerlings.simulator.sh.Ast.Arith;
import io.dockerlings.simulator.sh.Ast.Assign;
import io.dockerlings.simulator.sh.Ast.Background;
import io.dockerlings.simulator.sh.Ast.Case;
import io.dockerlings.simulator.sh.Ast.CaseArm;
import io.dockerlings.simulator.sh.Ast.For;
import io.dockerlings.simulator.sh.Ast.FuncDef;
import io.dockerlings.simulator.sh.Ast.Group;
import io.dockerlings.simulator.sh.Ast.If;
import io.dockerlings.simulator.sh.Ast.Lit;
import io.dockerlings.simulator.sh.Ast.Loop;
import io.dockerlings.simulator.sh.Ast.Node;
import io.dockerlings.simulator.sh.Ast.Part;
import io.dockerlings.simulator.sh.Ast.Pipeline;
import io.dockerlings.simulator.sh.Ast.Redirect;
import io.dockerlings.simulator.sh.Ast.Seq;
import io.dockerlings.simulator.sh.Ast.Simple;
import io.dockerlings.simulator.sh.Ast.Sub;
import io.dockerlings.simulator.sh.Ast.Var;
import io.dockerlings.simulator.sh.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A recursive-descent parser for the POSIX shell subset busybox {@code ash} scripts use, with ash's
 * syntax error messages. Here-documents are read when their operator is parsed: the body, which
 * starts on the line after the operator, is taken out of the source so that parsing goes on with
 * the rest of that line.
 */
final class ShellParser {
  private static final Set<String> RESERVED =
      Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}", "in");

  /** The text still to parse; here-document bodies are cut out of it as they are read. */
  private String src;

  private int pos;

  /** Whether more lines may follow (a terminal): a here-document without its end waits for them. */
  private final boolean moreInput;

  /** Where here-document bodies were cut out, and how many lines each had: {position, lines}. */
  private final List<int[]> cuts = new ArrayList<>();

  private ShellParser(String src, boolean moreInput) {
    this.src = src;
    this.moreInput = moreInput;
  }

  private ShellParser(String src) {
    this(src, false);
  }

  /** Parses a whole script. */
  static Node parse(String script) {
    return parse(script, false);
  }

  /**
   * Parses what was typed at a terminal so far. A here-document whose delimiter line has not come
   * yet is reported as an unexpected end of file, so the caller asks for another line; a script
   * instead ends such a body at its end, as ash does.
   */
  static Node parseTyped(String typed) {
    return parse(typed, true);
  }

  private static Node parse(String script, boolean moreInput) {
    ShellParser p = new ShellParser(script, moreInput);
    try {
      return p.script();
    } catch (ShellSyntaxException e) {
      throw e.line() > 0 ? e : new ShellSyntaxException(e.getMessage(), p.line());
    }
  }

  /**
   * The line ash reports an error on: the current one, or the next when the offending token is the
   * newline itself (ash has read it by then). Here-document bodies already cut out count.
   */
  private int line() {
    int line = 1;
    int end = Math.min(pos, src.length());
    for (int i = 0; i < end; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    for (int[] cut : cuts) {
      if (cut[0] <= end) {
        line += cut[1];
      }
    }
    return pos < src.length() && src.charAt(pos) == '\n' ? line + 1 : line;
  }

  /** The whole source as one list of commands. */
  private Node script() {
    Node n = list(Set.of());
    skipBlank(true);
    if (pos < src.length()) {
      throw new ShellSyntaxException("syntax error: unexpected " + quotedToken());
    }
    return n;
  }

  // ---- character helpers --------------------------------------------------------------------

  private boolean eof() {
    return pos >= src.length();
  }

  private char peek() {
    return eof() ? '\0' : src.charAt(pos);
  }

  private boolean startsWith(String s) {
    return src.startsWith(s, pos);
  }

  /** Skips spaces, tabs, comments and, when {@code newlines}, newlines. */
  private void skipBlank(boolean newlines) {
    while (!eof()) {
      char c = peek();
      if (c == ' ' || c == '\t' || (newlines && c == '\n') || (c == '\\' && startsWith("\\\n"))) {
        pos += c == '\\' ? 2 : 1;
      } else if (c == '#') {
        while (!eof() && peek() != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private static boolean isMeta(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<'
        || c == '>' || c == '(' || c == ')';
  }

  /** The next bare word's text without consuming it (for keyword checks), or "". */
  private String peekWord() {
    int save = pos;
    StringBuilder b = new StringBuilder();
    while (!eof()
        && !isMeta(peek())
        && peek() != '\''
        && peek() != '"'
        && peek() != '$'
        && peek() != '`'
        && peek() != '\\') {
      b.append(src.charAt(pos++));
    }
    boolean clean = eof() || isMeta(peek());
    pos = save;
    return clean ? b.toString() : "";
  }

  private String quotedToken() {
    if (eof()) {
      return "end of file";
    }
    if (peek() == '\n') {
      return "newline";
    }
    String w = peekWord();
    if (!w.isEmpty()) {
      return "\"" + w + "\"";
    }
    for (String op : List.of(";;", "&&", "||", ";", "&", "|", "(", ")", "<", ">")) {
      if (startsWith(op)) {
        return "\"" + op + "\"";
      }
    }
    return "\"" + peek() + "\"";
  }

  private void expectKeyword(String kw) {
    skipBlank(true);
    if (peekWord().equals(kw)) {
      pos += kw.length();
      return;
    }
    if (eof()) {
      throw new ShellSyntaxException(
          "syntax error: unexpected end of file (expecting \"" + kw + "\")");
    }
    throw new ShellSyntaxException("syntax error: unexpected " + quotedToken());
  }

  // ---- grammar ------------------------------------------------------------------------------

  /** A list of and-or commands separated by ; & or newlines, up to a terminator keyword. */
  private Node list(Set<String> terminators) {
    List<Node> items = new ArrayList<>();
    while (true) {
      skipBlank(true);
      while (peek() == ';' && !startsWith(";;")) {
        if (items.isEmpty()) {
          throw new ShellSyntaxException("syntax error: unexpected \";\"");
        }
        pos++;
        skipBlank(true);
      }
      if (eof() || peek() == ')' || startsWith(";;")) {
        break;
      }
      String w = peekWord();
      if (terminators.contains(w) || RESERVED.contains(w) && !w.equals("in")) {
        break;
      }
      Node n = andOr();
      skipBlank(false);
      if (peek() == '&' && !startsWith("&&")) {
        pos++;
        n = new Background(n);
      } else if (peek() == ';' && !startsWith(";;")) {
        pos++;
      }
      items.add(n);
    }
    return items.size() == 1 ? items.get(0) : new Seq(items);
  }

  /** A compound command's list, which ash refuses to leave empty ({@code if true; then fi}). */
  private Node body(Set<String> terminators) {
    Node n = list(terminators);
    if (n instanceof Seq seq && seq.commands().isEmpty() && !eof()) {
      throw new ShellSyntaxException("syntax error: unexpected " + quotedToken());
    }
    return n;
  }

  private Node andOr() {
    Node left = pipeline();
    while (true) {
      skipBlank(false);
      if (startsWith("&&") || startsWith("||")) {
        boolean and = startsWith("&&");
        pos += 2;
        skipBlank(true);
        if (eof()) {
          throw new ShellSyntaxException("syntax error: unexpected end of file");
        }
        left = new AndOr(left, and, pipeline());
      } else {
        return left;
      }
    }
  }

  private Node pipeline() {
    skipBlank(false);
    boolean negate = false;
    if (peekWord().equals("!")) {
      negate = true;
      pos++;
    }
    List<Node> cmds = new ArrayList<>();
    cmds.add(command());
    while (true) {
      skipBlank(false);
      if (peek() == '|' && !startsWith("||")) {
        pos++;
        skipBlank(true);
        cmds.add(command());
      } else {
        break;
      }
    }
    return cmds.size() == 1 && !negate ? cmds.get(0) : new Pipeline(cmds, negate);
  }

  /** How deeply the command being parsed is nested. */
  private int depth;

  private Node command() {
    if (++depth > Limits.PARSE_DEPTH) {
      throw new Limits.StackExhausted();
    }
    try {
      return commandAtDepth();
    } finally {
      depth--;
    }
  }

  private Node commandAtDepth() {
    skipBlank(false);
    String w = peekWord();
    switch (w) {
      case "if" -> {
        return ifClause();
      }
      case "while", "until" -> {
        pos += w.length();
        Node cond = body(Set.of("do"));
        expectKeyword("do");
        Node body = body(Set.of("done"));
        expectKeyword("done");
        return withRedirects(new Loop(cond, body, w.equals("until")));
      }
      case "for" -> {
        return forClause();
      }
      case "case" -> {
        return caseClause();
      }
      case "{" -> {
        pos++;
        Node body = body(Set.of("}"));
        expectKeyword("}");
        return new Group(body, false, redirects());
      }
      default -> {
        // fall through to the checks below
      }
    }
    if (peek() == '(') {
      pos++;
      Node body = list(Set.of());
      skipBlank(true);
      if (peek() != ')') {
        throw new ShellSyntaxException(
            eof()
                ? "syntax error: unexpected end of file (expecting \")\")"
                : "syntax error: unexpected " + quotedToken());
      }
      pos++;
      return new Group(body, true, redirects());
    }
    if (RESERVED.contains(w) || peek() == ')' || peek() == ';' || peek() == '|' || peek() == '&') {
      throw new ShellSyntaxException("syntax error: unexpected " + quotedToken());
    }
    if (eof()) {
      throw new ShellSyntaxException("syntax error: unexpected end of file");
    }
    // A function definition: name() { ... }
    if (!w.isEmpty() && w.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      int save = pos;
      pos += w.length();
      skipBlank(false);
      if (startsWith("()")) {
        pos += 2;
        skipBlank(true);
        return new FuncDef(w, command());
      }
      pos = save;
    }
    return simple();
  }

  private Node withRedirects(Node n) {
    List<Redirect> r = redirects();
    return r.isEmpty() ? n : new Group(n, false, r);
  }

  private List<Redirect> redirects() {
    List<Redirect> out = new ArrayList<>();
    while (true) {
      skipBlank(false);
      Optional<Redirect> r = redirect();
      if (r.isEmpty()) {
        return out;
      }
      out.add(r.get());
    }
  }

  private Node ifClause() {
    pos += 2;
    Node cond = body(Set.of("then"));
    expectKeyword("then");
    Node then = body(Set.of("elif", "else", "fi"));
    skipBlank(true);
    String w = peekWord();
    Optional<Node> otherwise = Optional.empty();
    if (w.equals("elif")) {
      // "elif" is two letters longer than the "if" that ifClause() skips
      pos += 2;
      otherwise = Optional.of(ifClause());
      return new If(cond, then, otherwise);
    }
    if (w.equals("else")) {
      pos += 4;
      otherwise = Optional.of(body(Set.of("fi")));
    }
    expectKeyword("fi");
    return withRedirects(new If(cond, then, otherwise));
  }

  private Node forClause() {
    pos += 3;
    skipBlank(false);
    String name = peekWord();
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ShellSyntaxException("syntax error: bad for loop variable");
    }
    pos += name.length();
    skipBlank(true);
    Optional<List<Word>> items = Optional.empty();
    if (peekWord().equals("in")) {
      pos += 2;
      List<Word> ws = new ArrayList<>();
      while (true) {
        skipBlank(false);
        if (peek() == ';' || peek() == '\n' || eof()) {
          if (!eof()) {
            pos++;
          }
          break;
        }
        int before = pos;
        Word w = word();
        if (pos == before) {
          // An operator where a word must be (ash: "for i in ))" is this syntax error).
          throw new ShellSyntaxException("syntax error: unexpected \"" + peek() + "\"");
        }
        ws.add(w);
      }
      items = Optional.of(ws);
    } else if (peek() == ';') {
      pos++;
    }
    expectKeyword("do");
    Node body = body(Set.of("done"));
    expectKeyword("done");
    return withRedirects(new For(name, items, body));
  }

  private Node caseClause() {
    pos += 4;
    skipBlank(false);
    int before = pos;
    Word subject = word();
    if (pos == before) {
      // ash wants the subject first: "case" alone or before an operator.
      throw new ShellSyntaxException(
          "syntax error: unexpected " + quotedToken() + " (expecting word)");
    }
    expectKeyword("in");
    List<CaseArm> arms = new ArrayList<>();
    while (true) {
      skipBlank(true);
      if (peekWord().equals("esac")) {
        pos += 4;
        break;
      }
      if (eof()) {
        throw new ShellSyntaxException("syntax error: unexpected end of file (expecting \"esac\")");
      }
      if (peek() == '(') {
        pos++;
      }
      List<Word> patterns = new ArrayList<>();
      while (true) {
        skipBlank(false);
        patterns.add(word());
        skipBlank(false);
        if (peek() == '|') {
          pos++;
          continue;
        }
        if (peek() == ')') {
          pos++;
          break;
        }
        throw new ShellSyntaxException("syntax error: unexpected " + quotedToken());
      }
      Node body = list(Set.of("esac"));
      skipBlank(true);
      if (startsWith(";;")) {
        pos += 2;
      }
      arms.add(new CaseArm(patterns, body));
    }
    return withRedirects(new Case(subject, arms));
  }

  private Node simple() {
    List<Assign> assigns = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      skipBlank(false);
      if (eof()
          || peek() == '\n'
          || peek() == ';'
          || peek() == '&'
          || peek() == '|'
          || peek() == ')') {
        break;
      }
      if (peek() == '(') {
        throw new ShellSyntaxException("syntax error: unexpected \"(\"");
      }
      Optional<Redirect> r = redirect();
      if (r.isPresent()) {
        redirects.add(r.get());
        continue;
      }
      Word w = word();
      Optional<String> lit = w.parts().isEmpty() ? Optional.empty() : Optional.of("");
      if (words.isEmpty()
          && !w.parts().isEmpty()
          && w.parts().get(0) instanceof Lit first
          && !first.quoted()) {
        int eq = first.text().indexOf('=');
        if (eq > 0 && first.text().substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
          List<Part> value = new ArrayList<>();
          if (eq + 1 < first.text().length()) {
            value.add(new Lit(first.text().substring(eq + 1), false));
          }
          value.addAll(w.parts().subList(1, w.parts().size()));
          assigns.add(new Assign(first.text().substring(0, eq), new Word(value)));
          continue;
        }
      }
      lit.ifPresent(x -> words.add(w));
    }
    return new Simple(assigns, words, redirects);
  }

  private Optional<Redirect> redirect() {
    int save = pos;
    int fd = -1;
    if (Character.isDigit(peek())
        && pos + 1 < src.length()
        && (src.charAt(pos + 1) == '>' || src.charAt(pos + 1) == '<')) {
      fd = peek() - '0';
      pos++;
    }
    String op;
    if (startsWith("<<")) {
      return Optional.of(hereDocument(fd < 0 ? 0 : fd));
    }
    if (startsWith(">>")) {
      op = ">>";
    } else if (startsWith(">&")) {
      op = ">&";
    } else if (startsWith("<&")) {
      op = "<&";
    } else if (startsWith(">|")) {
      op = ">";
      pos++;
    } else if (peek() == '>' || peek() == '<') {
      op = String.valueOf(peek());
    } else {
      pos = save;
      return Optional.empty();
    }
    pos += op.equals(">") && src.charAt(pos) == '|' ? 0 : op.length();
    skipBlank(false);
    if (eof() || isMeta(peek())) {
      throw new ShellSyntaxException("syntax error: unexpected " + quotedToken());
    }
    Word target = word();
    if (fd < 0) {
      fd = op.startsWith("<") ? 0 : 1;
    }
    return Optional.of(new Redirect(fd, op, target));
  }

  /**
   * {@code <<WORD} or {@code <<-WORD} at {@code pos}: reads the body from the next line up to a
   * line that is exactly the delimiter (tabs stripped first with {@code <<-}) and removes it from
   * the source. A delimiter with any quoting keeps the body literal; otherwise the body expands
   * parameters, commands and arithmetic, and a backslash escapes only {@code $ ` \} and newline.
   */
  private Redirect hereDocument(int fd) {
    boolean stripTabs = startsWith("<<-");
    pos += stripTabs ? 3 : 2;
    skipBlank(false);
    if (eof() || isMeta(peek())) {
      throw new ShellSyntaxException("syntax error: unexpected " + quotedToken());
    }
    int start = pos;
    word();
    String raw = src.substring(start, pos);
    boolean quoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
    String delimiter = raw.replaceAll("['\"\\\\]", "");
    int newline = src.indexOf('\n', pos);
    int bodyStart = newline < 0 ? src.length() : newline + 1;
    StringBuilder body = new StringBuilder();
    int at = bodyStart;
    boolean ended = false;
    while (at < src.length()) {
      int end = src.indexOf('\n', at);
      String line = src.substring(at, end < 0 ? src.length() : end);
      at = end < 0 ? src.length() : end + 1;
      if (stripTabs) {
        line = line.replaceFirst("^\t+", "");
      }
      if (line.equals(delimiter)) {
        ended = true;
        break;
      }
      body.append(line);
      if (end >= 0) {
        body.append('\n');
      }
    }
    if (!ended && moreInput) {
      throw new ShellSyntaxException("syntax error: unexpected end of file (here-document)");
    }
    cuts.add(
        new int[] {
          bodyStart, (int) src.substring(bodyStart, at).chars().filter(c -> c == '\n').count()
        });
    src = src.substring(0, bodyStart) + src.substring(at);
    Word text =
        quoted
            ? new Word(List.of(new Lit(body.toString(), true)))
            : new ShellParser(body.toString()).hereDocumentText();
    return new Redirect(fd, "<<", text);
  }

  /** An unquoted here-document body as one word whose expansions are not split or globbed. */
  private Word hereDocumentText() {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (!eof()) {
      char c = peek();
      if (c == '\\' && pos + 1 < src.length() && "$`\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
        if (src.charAt(pos + 1) != '\n') {
          lit.append(src.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' || c == '`') {
        expansionOrLiteral(parts, lit, true);
      } else {
        lit.append(c);
        pos++;
      }
    }
    flush(parts, lit, true);
    if (parts.isEmpty()) {
      parts.add(new Lit("", true));
    }
    return new Word(parts);
  }

  // ---- words --------------------------------------------------------------------------------

  private Word word() {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (!eof() && !isMeta(peek())) {
      char c = peek();
      if (c == '\'') {
        flush(parts, lit, false);
        int end = src.indexOf('\'', pos + 1);
        if (end < 0) {
          throw new ShellSyntaxException("syntax error: unterminated quoted string");
        }
        parts.add(new Lit(src.substring(pos + 1, end), true));
        pos = end + 1;
      } else if (c == '"') {
        flush(parts, lit, false);
        pos++;
        doubleQuoted(parts);
      } else if (c == '\\') {
        flush(parts, lit, false);
        if (pos + 1 < src.length()) {
          if (src.charAt(pos + 1) != '\n') {
            parts.add(new Lit(String.valueOf(src.charAt(pos + 1)), true));
          }
          pos += 2;
        } else {
          // A backslash that ends the input escapes nothing: ash keeps it as a literal.
          parts.add(new Lit("\\", true));
          pos++;
        }
      } else if (c == '$' || c == '`') {
        expansionOrLiteral(parts, lit, false);
      } else {
        lit.append(c);
        pos++;
      }
    }
    flush(parts, lit, false);
    return new Word(parts);
  }

  /**
   * At a {@code $} or backquote: the expansion it starts as a part of its own, or, when it starts
   * none ({@code $} before a space), the character as literal text.
   *
   * @return whether an expansion was read
   */
  private boolean expansionOrLiteral(List<Part> parts, StringBuilder lit, boolean quoted) {
    Optional<Part> p = dollar(quoted);
    if (p.isPresent()) {
      flush(parts, lit, quoted);
      parts.add(p.get());
      return true;
    }
    lit.append(peek());
    pos++;
    return false;
  }

  private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
    if (lit.length() > 0) {
      parts.add(new Lit(lit.toString(), quoted));
      lit.setLength(0);
    }
  }

  private void doubleQuoted(List<Part> parts) {
    StringBuilder lit = new StringBuilder();
    boolean any = false;
    while (true) {
      if (eof()) {
        throw new ShellSyntaxException("syntax error: unterminated quoted string");
      }
      char c = peek();
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
        if (src.charAt(pos + 1) != '\n') {
          lit.append(src.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' || c == '`') {
        any |= expansionOrLiteral(parts, lit, true);
      } else {
        lit.append(c);
        pos++;
      }
    }
    if (lit.length() > 0 || !any) {
      parts.add(new Lit(lit.toString(), true));
    }
  }

  /** Parses {@code $x}, {@code ${...}}, {@code $(...)}, {@code $((...))} or backquotes. */
  private Optional<Part> dollar(boolean quoted) {
    if (peek() == '`') {
      int end = src.indexOf('`', pos + 1);
      if (end < 0) {
        throw new ShellSyntaxException("syntax error: unterminated quoted string");
      }
      String inner = src.substring(pos + 1, end);
      pos = end + 1;
      return Optional.of(new Sub(parse(inner), quoted));
    }
    if (startsWith("$((")) {
      int depth = 0;
      int i = pos + 3;
      for (; i < src.length(); i++) {
        char c = src.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0 && src.startsWith("))", i)) {
            break;
          }
          depth--;
        }
      }
      if (i >= src.length()) {
        throw new ShellSyntaxException("syntax error: unterminated quoted string");
      }
      String expr = src.substring(pos + 3, i);
      pos = i + 2;
      ShellParser inner = new ShellParser(expr);
      List<Part> parts = new ArrayList<>();
      StringBuilder lit = new StringBuilder();
      while (!inner.eof()) {
        if (inner.peek() == '$') {
          Optional<Part> p = inner.dollar(true);
          if (p.isPresent()) {
            flush(parts, lit, true);
            parts.add(p.get());
            continue;
          }
        }
        lit.append(inner.peek());
        inner.pos++;
      }
      flush(parts, lit, true);
      return Optional.of(new Arith(new Word(parts), quoted));
    }
    if (startsWith("$(")) {
      pos += 2;
      Node n = list(Set.of());
      skipBlank(true);
      if (peek() != ')') {
        throw new ShellSyntaxException(
            eof()
                ? "syntax error: unexpected end of file (expecting \")\")"
                : "syntax error: unexpected " + quotedToken());
      }
      pos++;
      return Optional.of(new Sub(n, quoted));
    }
    if (startsWith("${")) {
      int end = src.indexOf('}', pos);
      if (end < 0) {
        throw new ShellSyntaxException("syntax error: missing '}'");
      }
      String body = src.substring(pos + 2, end);
      pos = end + 1;
      if (body.startsWith("#") && body.length() > 1) {
        return Optional.of(new Var(body.substring(1), "#", Optional.empty(), quoted));
      }
      int i = 0;
      while (i < body.length()
          && (Character.isLetterOrDigit(body.charAt(i))
              || body.charAt(i) == '_'
              || (i == 0 && "?$#!@*".indexOf(body.charAt(i)) >= 0))) {
        i++;
        if (i == 1 && "?$#!@*".indexOf(body.charAt(0)) >= 0) {
          break;
        }
      }
      String name = body.substring(0, i);
      String rest = body.substring(i);
      if (rest.isEmpty()) {
        return Optional.of(new Var(name, "", Optional.empty(), quoted));
      }
      for (String op : List.of(":-", ":=", ":+", ":?", "-", "=", "+", "?", "##", "#", "%%", "%")) {
        if (rest.startsWith(op)) {
          Word operand = new ShellParser(rest.substring(op.length())).word();
          return Optional.of(new Var(name, op, Optional.of(operand), quoted));
        }
      }
      throw new ShellSyntaxException("syntax error: bad substitution");
    }
    if (pos + 1 < src.length()) {
      char n = src.charAt(pos + 1);
      if ("?$#!@*0123456789-".indexOf(n) >= 0) {
        pos += 2;
        return Optional.of(new Var(String.valueOf(n), "", Optional.empty(), quoted));
      }
      if (Character.isLetter(n) || n == '_') {
        int i = pos + 1;
        while (i < src.length()
            && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
          i++;
        }
        String name = src.substring(pos + 1, i);
        pos = i;
        return Optional.of(new Var(name, "", Optional.empty(), quoted));
      }
    }
    return Optional.empty();
  }
}
