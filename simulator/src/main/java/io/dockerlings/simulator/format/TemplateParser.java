package io.dockerlings.simulator.format;

import io.dockerlings.simulator.format.TemplateLexer.Token;
import io.dockerlings.simulator.format.TemplateLexer.Type;
import io.dockerlings.simulator.format.TemplateNode.ActionNode;
import io.dockerlings.simulator.format.TemplateNode.BoolNode;
import io.dockerlings.simulator.format.TemplateNode.BranchNode;
import io.dockerlings.simulator.format.TemplateNode.BreakNode;
import io.dockerlings.simulator.format.TemplateNode.ChainNode;
import io.dockerlings.simulator.format.TemplateNode.CommandNode;
import io.dockerlings.simulator.format.TemplateNode.DotNode;
import io.dockerlings.simulator.format.TemplateNode.ElseNode;
import io.dockerlings.simulator.format.TemplateNode.EndNode;
import io.dockerlings.simulator.format.TemplateNode.FieldNode;
import io.dockerlings.simulator.format.TemplateNode.IdentifierNode;
import io.dockerlings.simulator.format.TemplateNode.ListNode;
import io.dockerlings.simulator.format.TemplateNode.NilNode;
import io.dockerlings.simulator.format.TemplateNode.NumberNode;
import io.dockerlings.simulator.format.TemplateNode.PipeNode;
import io.dockerlings.simulator.format.TemplateNode.StringNode;
import io.dockerlings.simulator.format.TemplateNode.TemplateCallNode;
import io.dockerlings.simulator.format.TemplateNode.TextNode;
import io.dockerlings.simulator.format.TemplateNode.VariableNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser following Go's text/template grammar and error messages (Go 1.19):
 * checks function names and variable scopes at parse time, as Go does.
 */
final class TemplateParser {
  private final String text;
  private final List<Token> tokens;
  private final Set<String> functions;
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int next;
  private int lastPos;
  private int actionLine;
  private int rangeDepth;

  /** Where the text's newlines are, computed on first use. */
  private int[] newlines;

  private final Map<String, ListNode> defined = new LinkedHashMap<>();

  private TemplateParser(String text, Set<String> functions) {
    this.text = text;
    this.tokens = TemplateLexer.lex(text);
    this.functions = functions;
  }

  /** A parsed template: its main body and the templates it defines (by define or block). */
  record Tree(ListNode root, Map<String, ListNode> templates) {}

  static Tree parse(String text, Set<String> functions) throws TemplateException {
    TemplateParser p = new TemplateParser(text, functions);
    try {
      ListNode root = p.parseAll();
      Map<String, ListNode> all = new LinkedHashMap<>(p.defined);
      all.putIfAbsent("", root);
      return new Tree(root, Map.copyOf(all));
    } catch (ParseError e) {
      throw new TemplateException(
          "template: :" + p.line(p.lastPos) + ": " + e.getMessage(), true, "");
    }
  }

  /** Unwinds the parser; converted to a TemplateException at the top. */
  private static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private int line(int pos) {
    if (newlines == null) {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          at.add(i);
        }
      }
      newlines = at.stream().mapToInt(Integer::intValue).toArray();
    }
    // The number of newlines before pos, found by binary search: templates can be long.
    int found = Arrays.binarySearch(newlines, Math.min(pos, text.length()));
    return 1 + (found >= 0 ? found : -found - 1);
  }

  private ParseError error(String message) {
    return new ParseError(message);
  }

  private Token nextToken() {
    Token t = tokens.get(Math.min(next, tokens.size() - 1));
    next++;
    lastPos = t.pos();
    return t;
  }

  private Token peek() {
    return tokens.get(Math.min(next, tokens.size() - 1));
  }

  private void backup() {
    next--;
  }

  private Token nextNonSpace() {
    Token t;
    do {
      t = nextToken();
    } while (t.type() == Type.SPACE);
    return t;
  }

  private Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  private Token expect(Type type, String context) {
    Token t = nextNonSpace();
    if (t.type() != type) {
      throw unexpected(t, context);
    }
    return t;
  }

  private ParseError unexpected(Token t, String context) {
    if (t.type() == Type.ERROR) {
      String extra = "";
      int tokenLine = line(t.pos());
      if (actionLine != 0 && actionLine != tokenLine) {
        extra = " in action started at :" + actionLine;
        if (t.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      return error(t.val() + extra);
    }
    return error("unexpected " + t + " in " + context);
  }

  private ListNode parseAll() {
    List<TemplateNode> nodes = new ArrayList<>();
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        int mark = next;
        nextToken();
        if (nextNonSpace().type() == Type.DEFINE) {
          definition();
          continue;
        }
        next = mark;
      }
      TemplateNode n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        throw error("unexpected " + n);
      }
      nodes.add(n);
    }
    return new ListNode(0, nodes);
  }

  private ListNode itemList(TemplateNode[] terminator) {
    int pos = peekNonSpace().pos();
    List<TemplateNode> nodes = new ArrayList<>();
    while (peekNonSpace().type() != Type.EOF) {
      TemplateNode n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        terminator[0] = n;
        return new ListNode(pos, nodes);
      }
      nodes.add(n);
    }
    throw error("unexpected EOF");
  }

  private TemplateNode textOrAction() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case TEXT:
        return new TextNode(t.pos(), t.val());
      case LEFT_DELIM:
        actionLine = line(t.pos());
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(t, "input");
    }
  }

  private TemplateNode action() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case BLOCK:
        return block();
      case TEMPLATE:
        return templateCall();
      case BREAK, CONTINUE:
        return breakControl(t);
      case ELSE:
        return elseControl();
      case END:
        {
          Token end = expect(Type.RIGHT_DELIM, "end");
          return new EndNode(end.pos());
        }
      case IF:
        return control("if", true);
      case RANGE:
        return control("range", false);
      case WITH:
        return control("with", false);
      default:
        backup();
        Token first = peekNonSpace();
        return new ActionNode(first.pos(), pipeline("command", Type.RIGHT_DELIM));
    }
  }

  /** {@code {{define "name"}}...{{end}}} at the top level. */
  private void definition() {
    String context = "define clause";
    String name = templateName(nextNonSpace(), context);
    expect(Type.RIGHT_DELIM, context);
    add(name, templateBody(context));
  }

  /** {@code {{block "name" pipeline}}...{{end}}}: defines the template and calls it. */
  private TemplateNode block() {
    String context = "block clause";
    Token token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    add(name, templateBody(context));
    return new TemplateCallNode(token.pos(), name, pipe);
  }

  /**
   * The body of a {@code define} or {@code block} up to its {@code {{end}}}, parsed with only
   * {@code $} in scope, as a new template starts in Go; the outer variables come back after.
   */
  private ListNode templateBody(String context) {
    List<String> outer = new ArrayList<>(vars);
    vars.subList(1, vars.size()).clear();
    TemplateNode[] end = new TemplateNode[1];
    ListNode body = itemList(end);
    vars.clear();
    vars.addAll(outer);
    if (!(end[0] instanceof EndNode)) {
      throw error("unexpected " + end[0] + " in " + context);
    }
    return body;
  }

  private TemplateNode templateCall() {
    String context = "template clause";
    Token token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = null;
    if (nextNonSpace().type() != Type.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    return new TemplateCallNode(token.pos(), name, pipe);
  }

  private String templateName(Token token, String context) {
    if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
      throw unexpected(token, context);
    }
    return GoQuote.unquote(token.val());
  }

  /** Go keeps the first non-empty definition; a second non-empty one is an error. */
  private void add(String name, ListNode body) {
    ListNode old = defined.get(name);
    if (old != null && !isEmpty(old)) {
      if (!isEmpty(body)) {
        throw error("template: multiple definition of template " + GoQuote.quote(name));
      }
      return;
    }
    defined.put(name, body);
  }

  private static boolean isEmpty(ListNode list) {
    for (TemplateNode n : list.nodes()) {
      if (!(n instanceof TextNode t) || !t.text().isBlank()) {
        return false;
      }
    }
    return true;
  }

  private TemplateNode breakControl(Token t) {
    boolean isBreak = t.type() == Type.BREAK;
    Token close = nextNonSpace();
    if (close.type() != Type.RIGHT_DELIM) {
      throw unexpected(close, "{{" + t.val() + "}}");
    }
    if (rangeDepth == 0) {
      throw error("{{" + t.val() + "}} outside {{range}}");
    }
    return new BreakNode(t.pos(), isBreak);
  }

  private TemplateNode elseControl() {
    Token p = peekNonSpace();
    if (p.type() == Type.IF) {
      return new ElseNode(p.pos());
    }
    Token t = expect(Type.RIGHT_DELIM, "else");
    return new ElseNode(t.pos());
  }

  private BranchNode control(String kind, boolean allowElseIf) {
    int mark = vars.size();
    try {
      PipeNode pipe = pipeline(kind, Type.RIGHT_DELIM);
      if (kind.equals("range")) {
        rangeDepth++;
      }
      TemplateNode[] term = new TemplateNode[1];
      ListNode list = itemList(term);
      if (kind.equals("range")) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (term[0] instanceof ElseNode elseNode) {
        if (allowElseIf && peek().type() == Type.IF) {
          nextToken();
          elseList = new ListNode(elseNode.pos(), List.of(control("if", true)));
        } else {
          elseList = itemList(term);
          if (!(term[0] instanceof EndNode)) {
            throw error("expected end; found " + term[0]);
          }
        }
      }
      return new BranchNode(pipe.pos(), kind, pipe, list, elseList);
    } finally {
      vars.subList(mark, vars.size()).clear();
    }
  }

  private PipeNode pipeline(String context, Type end) {
    int pos = peekNonSpace().pos();
    List<VariableNode> decls = new ArrayList<>();
    boolean isAssign = false;
    while (peekNonSpace().type() == Type.VARIABLE) {
      Token v = nextNonSpace();
      Token after = peek();
      Token following = peekNonSpace();
      if (following.type() == Type.ASSIGN || following.type() == Type.DECLARE) {
        isAssign = following.type() == Type.ASSIGN;
        nextNonSpace();
        decls.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        break;
      } else if (following.type() == Type.CHAR && following.val().equals(",")) {
        nextNonSpace();
        decls.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && decls.size() < 2) {
          Type t = peekNonSpace().type();
          if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
            continue;
          }
          throw error("range can only initialize variables");
        }
        throw error("too many declarations in " + context);
      } else {
        // Not a declaration: push the variable (and what followed it) back.
        next = tokens.indexOf(v);
        if (after.type() == Type.SPACE) {
          lastPos = v.pos();
        }
        break;
      }
    }
    List<CommandNode> cmds = new ArrayList<>();
    while (true) {
      Token t = nextNonSpace();
      if (t.type() == end) {
        if (cmds.isEmpty()) {
          throw error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
          TemplateNode first = cmds.get(i).args().get(0);
          if (first instanceof BoolNode
              || first instanceof DotNode
              || first instanceof NilNode
              || first instanceof NumberNode
              || first instanceof StringNode) {
            throw error("non executable command in pipeline stage " + (i + 1));
          }
        }
        return new PipeNode(pos, isAssign, decls, cmds);
      }
      switch (t.type()) {
        case BOOL,
            CHAR_CONSTANT,
            DOT,
            FIELD,
            IDENTIFIER,
            NUMBER,
            NIL,
            RAW_STRING,
            STRING,
            VARIABLE,
            LEFT_PAREN -> {
          backup();
          cmds.add(command());
        }
        default -> throw unexpected(t, context);
      }
    }
  }

  private CommandNode command() {
    int pos = peekNonSpace().pos();
    List<TemplateNode> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      TemplateNode operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token t = nextToken();
      if (t.type() == Type.SPACE) {
        continue;
      }
      if (t.type() == Type.RIGHT_DELIM || t.type() == Type.RIGHT_PAREN) {
        backup();
      } else if (t.type() != Type.PIPE) {
        throw unexpected(t, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw error("empty command");
    }
    return new CommandNode(pos, args);
  }

  private TemplateNode operand() {
    TemplateNode node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == Type.FIELD) {
      int pos = peek().pos();
      List<String> fields = new ArrayList<>();
      while (peek().type() == Type.FIELD) {
        fields.add(nextToken().val().substring(1));
      }
      if (node instanceof FieldNode f) {
        List<String> all = new ArrayList<>(f.idents());
        all.addAll(fields);
        return new FieldNode(pos, all);
      }
      if (node instanceof VariableNode v) {
        List<String> all = new ArrayList<>(v.idents());
        all.addAll(fields);
        return new VariableNode(pos, all);
      }
      if (node instanceof BoolNode
          || node instanceof StringNode
          || node instanceof NumberNode
          || node instanceof NilNode
          || node instanceof DotNode) {
        throw error("unexpected . after term " + GoQuote.quote(node.toString()));
      }
      return new ChainNode(pos, node, fields);
    }
    return node;
  }

  private TemplateNode term() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case IDENTIFIER:
        if (!functions.contains(t.val())) {
          throw error("function " + GoQuote.quote(t.val()) + " not defined");
        }
        return new IdentifierNode(t.pos(), t.val());
      case DOT:
        return new DotNode(t.pos());
      case NIL:
        return new NilNode(t.pos());
      case VARIABLE:
        if (!vars.contains(t.val())) {
          throw error("undefined variable " + GoQuote.quote(t.val()));
        }
        return new VariableNode(t.pos(), List.of(t.val()));
      case FIELD:
        return new FieldNode(t.pos(), Arrays.asList(t.val().substring(1).split("\\.", -1)));
      case BOOL:
        return new BoolNode(t.pos(), t.val().equals("true"));
      case CHAR_CONSTANT, NUMBER:
        return number(t);
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      case STRING, RAW_STRING:
        return new StringNode(t.pos(), t.val(), GoQuote.unquote(t.val()));
      default:
        backup();
        return null;
    }
  }

  private NumberNode number(Token t) {
    String s = t.val();
    if (t.type() == Type.CHAR_CONSTANT) {
      String body = GoQuote.unquote("\"" + s.substring(1, s.length() - 1) + "\"");
      if (body.codePointCount(0, body.length()) != 1) {
        throw error("malformed character constant: " + s);
      }
      return new NumberNode(t.pos(), s, (long) body.codePointAt(0), null, true);
    }
    String clean = s.replace("_", "");
    Long integer = null;
    Double floating = null;
    try {
      boolean negative = clean.startsWith("-");
      String unsigned = clean.startsWith("-") || clean.startsWith("+") ? clean.substring(1) : clean;
      if (unsigned.startsWith("0x") || unsigned.startsWith("0X")) {
        long v = Long.parseLong(unsigned.substring(2), 16);
        integer = negative ? -v : v;
      } else if (unsigned.matches("[0-9]+")) {
        integer = Long.parseLong(clean.startsWith("+") ? unsigned : clean);
      }
    } catch (NumberFormatException e) {
      integer = null;
    }
    if (integer != null) {
      floating = integer.doubleValue();
    } else {
      try {
        floating = Double.parseDouble(clean);
        if (floating == Math.rint(floating) && Math.abs(floating) < 9.2e18) {
          integer = floating.longValue();
        }
      } catch (NumberFormatException e) {
        throw error("illegal number syntax: " + GoQuote.quote(s));
      }
    }
    return new NumberNode(t.pos(), s, integer, floating, false);
  }
}
