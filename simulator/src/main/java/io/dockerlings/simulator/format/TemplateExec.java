package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.format.GoValue.Kind;
import io.dockerlings.simulator.format.TemplateFunctions.ArgType;
import io.dockerlings.simulator.format.TemplateFunctions.Fn;
import io.dockerlings.simulator.format.TemplateNode.ActionNode;
import io.dockerlings.simulator.format.TemplateNode.BoolNode;
import io.dockerlings.simulator.format.TemplateNode.BranchNode;
import io.dockerlings.simulator.format.TemplateNode.BreakNode;
import io.dockerlings.simulator.format.TemplateNode.ChainNode;
import io.dockerlings.simulator.format.TemplateNode.CommandNode;
import io.dockerlings.simulator.format.TemplateNode.DotNode;
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
import io.dockerlings.simulator.format.TemplateOptions.Method;
import io.dockerlings.simulator.format.TemplateOptions.Mode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a parsed template over JSON data with Go's text/template semantics (Go 1.19): variable
 * scopes, truthiness, range over slices and sorted maps, field and method resolution, and error
 * messages with Go's {@code template: :LINE:COL: executing "" at <NODE>:} context.
 */
final class TemplateExec {
  /** An execution error, already formatted as Go formats it. */
  static final class ExecError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecError(String message) {
      super(message, null, false, false);
    }
  }

  /** Unwinds the body of a range iteration for {{break}} and {{continue}}. */
  private static final class LoopJump extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean isBreak;

    LoopJump(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  /**
   * Nesting limit of {{template}} calls. Go stops at 100000 with the message below; the JVM stack
   * is smaller, and only a template that calls itself forever gets this deep.
   */
  private static final int MAX_DEPTH = 1000;

  private final String text;
  private final TemplateOptions options;
  private Map<String, ListNode> templates = Map.of();
  private String name = "";
  private int depth;
  private final GoShapes shapes;
  private final JsonNode root;
  private final StringBuilder out = new StringBuilder();
  private TemplateVars vars = new TemplateVars();
  private TemplateNode at;

  private TemplateExec(String text, TemplateOptions options, GoShapes shapes, JsonNode root) {
    this.text = text;
    this.options = options;
    this.shapes = shapes;
    this.root = root;
  }

  /** Runs the template; for inspect, reruns it over the raw JSON when the typed run fails. */
  static String run(String text, TemplateParser.Tree tree, JsonNode data, TemplateOptions options)
      throws TemplateException {
    GoShapes typed = new GoShapes(false, options.mapFields(), options.pointerFields());
    TemplateExec first = new TemplateExec(text, options, typed, data);
    try {
      return first.execute(tree);
    } catch (ExecError e) {
      if (options.mode() != Mode.INSPECT) {
        throw new TemplateException(e.getMessage(), false, first.out.toString());
      }
    }
    GoShapes raw = new GoShapes(true, options.mapFields(), options.pointerFields());
    TemplateExec second = new TemplateExec(text, options, raw, data);
    try {
      return second.execute(tree);
    } catch (ExecError e) {
      throw new TemplateException(e.getMessage(), false, second.out.toString());
    }
  }

  private String execute(TemplateParser.Tree tree) {
    templates = tree.templates();
    GoValue dot = rootValue();
    vars.push("$", dot);
    walk(dot, tree.root());
    return out.toString();
  }

  private GoValue rootValue() {
    if (shapes.raw() || options.mode() == Mode.HEADER) {
      return new GoValue(
          root, root.isObject() ? Kind.MAP : Kind.NIL, "map[string]interface {}", false, "");
    }
    GoValue v = shapes.root(root);
    if (options.mode() == Mode.CONTEXT || options.mode() == Mode.TYPED) {
      return new GoValue(
          v.node(), v.kind(), options.rootType(), options.mode() == Mode.CONTEXT, "");
    }
    return v;
  }

  GoShapes shapes() {
    return shapes;
  }

  /** True for the root of a CONTEXT or HEADER run, whose fields may be methods. */
  boolean isMethodRoot(GoValue v) {
    return v.node() == root && (options.mode() == Mode.CONTEXT || options.mode() == Mode.HEADER);
  }

  boolean escapesRootJson(GoValue v) {
    return v.node() == root && options.mode() == Mode.CONTEXT;
  }

  boolean headerFunctions() {
    return options.mode() == Mode.HEADER;
  }

  // ---- errors

  ExecError error(String message) {
    TemplateNode node = at;
    int pos = node == null ? 0 : Math.min(node.pos(), text.length());
    byte[] before = text.substring(0, pos).getBytes(StandardCharsets.UTF_8);
    int line = 1;
    int lastNewline = -1;
    for (int i = 0; i < before.length; i++) {
      if (before[i] == '\n') {
        line++;
        lastNewline = i;
      }
    }
    int col = before.length - lastNewline - 1;
    String context = node == null ? "" : node.toString();
    return new ExecError(
        "template: :"
            + line
            + ":"
            + col
            + ": executing "
            + GoQuote.quote(name)
            + " at <"
            + context
            + ">: "
            + message);
  }

  // ---- walking

  private void walk(GoValue dot, TemplateNode node) {
    if (node instanceof ListNode list) {
      for (TemplateNode n : list.nodes()) {
        walk(dot, n);
      }
    } else if (node instanceof TextNode t) {
      out.append(t.text());
    } else if (node instanceof ActionNode action) {
      GoValue v = evalPipeline(dot, action.pipe());
      if (action.pipe().decls().isEmpty()) {
        at = action;
        out.append(GoFormat.print(v, shapes));
      }
    } else if (node instanceof BranchNode branch) {
      if (branch.kind().equals("range")) {
        walkRange(dot, branch);
      } else {
        walkIfOrWith(dot, branch);
      }
    } else if (node instanceof TemplateCallNode call) {
      walkTemplate(dot, call);
    } else if (node instanceof BreakNode b) {
      throw new LoopJump(b.isBreak());
    } else {
      throw error("unknown node: " + node);
    }
  }

  /** Runs a named template with its own variables ($ is the new dot), as Go does. */
  private void walkTemplate(GoValue dot, TemplateCallNode call) {
    at = call;
    ListNode body = templates.get(call.name());
    if (body == null) {
      throw error("template " + GoQuote.quote(call.name()) + " not defined");
    }
    if (depth >= MAX_DEPTH) {
      throw error("exceeded maximum template depth (100000)");
    }
    GoValue newDot = call.pipe() == null ? GoValue.MISSING_VALUE : evalPipeline(dot, call.pipe());
    TemplateVars saved = vars;
    String savedName = name;
    vars = new TemplateVars();
    vars.push("$", newDot);
    name = call.name();
    depth++;
    try {
      walk(newDot, body);
    } finally {
      depth--;
      name = savedName;
      vars = saved;
    }
  }

  private void walkIfOrWith(GoValue dot, BranchNode branch) {
    int mark = vars.mark();
    try {
      GoValue v = evalPipeline(dot, branch.pipe());
      if (TemplateFunctions.truth(v)) {
        walk(branch.kind().equals("with") ? v : dot, branch.list());
      } else if (branch.elseList() != null) {
        walk(dot, branch.elseList());
      }
    } finally {
      vars.pop(mark);
    }
  }

  private void walkRange(GoValue dot, BranchNode r) {
    int mark = vars.mark();
    try {
      at = r;
      GoValue v = evalPipeline(dot, r.pipe());
      List<GoValue[]> items = new ArrayList<>();
      switch (v.kind()) {
        case SLICE -> {
          for (int i = 0; i < v.node().size(); i++) {
            items.add(new GoValue[] {GoValue.integer(i), shapes.element(v.node().get(i))});
          }
        }
        case MAP -> {
          for (Map.Entry<String, JsonNode> e : GoFormat.sortedEntries(v.node())) {
            items.add(
                new GoValue[] {
                  GoValue.string(e.getKey()), shapes.child(v, e.getKey(), e.getValue())
                });
          }
        }
        case MISSING, NIL_SLICE, NIL_MAP -> {}
        default -> {
          StringBuilder s = new StringBuilder();
          GoFormat.value(s, v, shapes, true);
          throw error("range can't iterate over " + s);
        }
      }
      for (GoValue[] item : items) {
        if (!r.pipe().decls().isEmpty()) {
          vars.setTop(1, item[1]);
        }
        if (r.pipe().decls().size() > 1) {
          vars.setTop(2, item[0]);
        }
        int inner = vars.mark();
        try {
          walk(item[1], r.list());
        } catch (LoopJump jump) {
          if (jump.isBreak) {
            break;
          }
        } finally {
          vars.pop(inner);
        }
      }
      if (items.isEmpty() && r.elseList() != null) {
        walk(dot, r.elseList());
      }
    } finally {
      vars.pop(mark);
    }
  }

  // ---- evaluation

  GoValue evalPipeline(GoValue dot, PipeNode pipe) {
    at = pipe;
    GoValue value = null;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, cmd, value);
    }
    for (VariableNode v : pipe.decls()) {
      if (pipe.isAssign()) {
        if (!vars.set(v.idents().get(0), value)) {
          throw error("undefined variable: " + v.idents().get(0));
        }
      } else {
        vars.push(v.idents().get(0), value);
      }
    }
    return value;
  }

  private GoValue evalCommand(GoValue dot, CommandNode cmd, GoValue last) {
    TemplateNode first = cmd.args().get(0);
    if (first instanceof FieldNode f) {
      at = f;
      return evalFieldChain(dot, dot, f, f.idents(), cmd.args(), last);
    } else if (first instanceof ChainNode c) {
      return evalChain(dot, c, cmd.args(), last);
    } else if (first instanceof IdentifierNode id) {
      at = id;
      return evalCall(dot, id.name(), cmd, cmd.args(), last);
    } else if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), last);
      return evalPipeline(dot, p);
    } else if (first instanceof VariableNode v) {
      return evalVariable(dot, v, cmd.args(), last);
    }
    at = first;
    notAFunction(cmd.args(), last);
    if (first instanceof BoolNode b) {
      return GoValue.bool(b.value());
    } else if (first instanceof DotNode) {
      return dot;
    } else if (first instanceof NilNode) {
      throw error("nil is not a command");
    } else if (first instanceof NumberNode n) {
      return constant(n);
    } else if (first instanceof StringNode s) {
      return GoValue.string(s.text());
    }
    throw error("can't evaluate command " + first);
  }

  private void notAFunction(List<TemplateNode> args, GoValue last) {
    if (args.size() > 1 || last != null) {
      throw error("can't give argument to non-function " + args.get(0));
    }
  }

  private GoValue constant(NumberNode n) {
    at = n;
    if (n.isChar()) {
      return GoValue.integer(n.integer());
    }
    boolean floatText = !n.text().startsWith("0x") && n.text().matches(".*[.eEpP].*");
    if (n.floating() != null && floatText) {
      return GoValue.floating(n.floating());
    }
    if (n.integer() != null) {
      return GoValue.integer(n.integer());
    }
    throw error(n.text() + " overflows int");
  }

  private GoValue evalChain(GoValue dot, ChainNode chain, List<TemplateNode> args, GoValue last) {
    at = chain;
    if (chain.node() instanceof NilNode) {
      throw error("indirection through explicit nil in " + chain);
    }
    GoValue receiver = evalArg(dot, ArgType.ANY, chain.node());
    return evalFieldChain(dot, receiver, chain, chain.fields(), args, last);
  }

  private GoValue evalVariable(GoValue dot, VariableNode v, List<TemplateNode> args, GoValue last) {
    at = v;
    String ident = v.idents().get(0);
    GoValue value = vars.get(ident).orElseThrow(() -> error("undefined variable: " + ident));
    if (v.idents().size() == 1) {
      notAFunction(args, last);
      return value;
    }
    return evalFieldChain(dot, value, v, v.idents().subList(1, v.idents().size()), args, last);
  }

  private GoValue evalFieldChain(
      GoValue dot,
      GoValue receiver,
      TemplateNode node,
      List<String> idents,
      List<TemplateNode> args,
      GoValue last) {
    int n = idents.size();
    for (int i = 0; i < n - 1; i++) {
      receiver = evalField(dot, idents.get(i), List.of(node), null, receiver);
    }
    return evalField(dot, idents.get(n - 1), args, last, receiver);
  }

  private GoValue evalField(
      GoValue dot, String name, List<TemplateNode> args, GoValue last, GoValue receiver) {
    if (receiver.isMissing()) {
      if (shapes.raw()) {
        throw error("nil data; no entry for key " + GoQuote.quote(name));
      }
      return GoValue.MISSING_VALUE;
    }
    if (receiver.kind() == Kind.NIL && shapes.raw()) {
      throw error("nil pointer evaluating interface {}." + name);
    }
    int argc = args.size() - 1 + (last == null ? 0 : 1);
    boolean hasArgs = argc > 0;
    if (isMethodRoot(receiver)) {
      Method method = options.methods().get(name);
      if (method != null) {
        return callMethod(dot, name, method, args, last, receiver);
      }
      if (options.mode() == Mode.CONTEXT) {
        JsonNode field = receiver.node().get(name);
        if (field == null) {
          throw error("can't evaluate field " + name + " in type " + options.rootType());
        }
        if (hasArgs) {
          throw error("wrong number of args for " + name + ": want 0 got " + argc);
        }
        return shapes.of(field, name);
      }
    }
    switch (receiver.kind()) {
      case STRUCT -> {
        JsonNode field = receiver.node().get(name);
        if (field != null) {
          if (hasArgs) {
            throw error(name + " has arguments but cannot be invoked as function");
          }
          return shapes.child(receiver, name, field);
        }
      }
      case MAP, NIL_MAP -> {
        if (receiver.type().startsWith("nat.")) {
          // Port maps are keyed by nat.Port, to which a field name does not convert.
          throw error("can't evaluate field " + name + " in type " + receiver.type());
        }
        if (hasArgs) {
          throw error(name + " is not a method but has arguments");
        }
        JsonNode value = receiver.node().get(name);
        if (value == null) {
          if (shapes.raw()) {
            throw error("map has no entry for key " + GoQuote.quote(name));
          }
          return GoValue.MISSING_VALUE;
        }
        return shapes.child(receiver, name, value);
      }
      case NIL -> throw error("nil pointer evaluating " + receiver.type() + "." + name);
      default -> {}
    }
    throw error("can't evaluate field " + name + " in type " + receiver.type());
  }

  private GoValue callMethod(
      GoValue dot,
      String name,
      Method method,
      List<TemplateNode> args,
      GoValue last,
      GoValue receiver) {
    int argc = args.size() - 1 + (last == null ? 0 : 1);
    if (argc != method.arity()) {
      throw error("wrong number of args for " + name + ": want " + method.arity() + " got " + argc);
    }
    List<JsonNode> values = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      values.add(evalArg(dot, ArgType.STRING, args.get(i)).node());
    }
    if (last != null) {
      values.add(validate(last, ArgType.STRING).node());
    }
    return shapes.of(method.body().apply(receiver.node(), values), null);
  }

  private GoValue evalCall(
      GoValue dot, String name, CommandNode cmd, List<TemplateNode> args, GoValue last) {
    Fn fn = TemplateFunctions.lookup(name, headerFunctions());
    int argc = args.size() - 1 + (last == null ? 0 : 1);
    int fixed = fn.params().size();
    if (fn.variadic() != null ? argc < fixed : argc != fixed) {
      throw error(
          "wrong number of args for "
              + name
              + ": want "
              + (fn.variadic() != null ? "at least " : "")
              + fixed
              + " got "
              + argc);
    }
    if (name.equals("and") || name.equals("or")) {
      GoValue v = null;
      for (int i = 1; i < args.size(); i++) {
        v = evalArg(dot, ArgType.VALUE, args.get(i));
        if (TemplateFunctions.truth(v) == name.equals("or")) {
          return v;
        }
      }
      return last != null ? last : v;
    }
    List<GoValue> values = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      values.add(evalArg(dot, fn.paramType(i - 1), args.get(i)));
    }
    if (last != null) {
      values.add(validate(last, fn.paramType(argc - 1)));
    }
    try {
      return fn.body().apply(this, values);
    } catch (TemplateFunctions.FnError e) {
      at = cmd;
      throw error("error calling " + name + ": " + e.getMessage());
    }
  }

  GoValue evalArg(GoValue dot, ArgType type, TemplateNode n) {
    at = n;
    if (n instanceof DotNode) {
      return validate(dot, type);
    } else if (n instanceof NilNode) {
      if (type == ArgType.ANY || type == ArgType.STRINGS) {
        return GoValue.nil();
      }
      if (type == ArgType.VALUE) {
        return GoValue.MISSING_VALUE;
      }
      throw error("cannot assign nil to " + type.goName());
    } else if (n instanceof FieldNode f) {
      return validate(evalFieldChain(dot, dot, f, f.idents(), List.of(n), null), type);
    } else if (n instanceof VariableNode v) {
      return validate(evalVariable(dot, v, List.of(n), null), type);
    } else if (n instanceof PipeNode p) {
      return validate(evalPipeline(dot, p), type);
    } else if (n instanceof IdentifierNode id) {
      return validate(
          evalCall(dot, id.name(), new CommandNode(id.pos(), List.of(id)), List.of(id), null),
          type);
    } else if (n instanceof ChainNode c) {
      return validate(evalChain(dot, c, List.of(n), null), type);
    }
    switch (type) {
      case STRING -> {
        if (n instanceof StringNode s) {
          return GoValue.string(s.text());
        }
        throw error("expected string; found " + n);
      }
      case INT -> {
        if (n instanceof NumberNode num && num.integer() != null) {
          return GoValue.integer(num.integer());
        }
        throw error("expected integer; found " + n);
      }
      case STRINGS -> throw error("can't handle " + n + " for arg of type []string");
      default -> {
        if (n instanceof BoolNode b) {
          return GoValue.bool(b.value());
        } else if (n instanceof StringNode s) {
          return GoValue.string(s.text());
        } else if (n instanceof NumberNode num) {
          return constant(num);
        }
        throw error("can't handle " + n + " for arg of type interface {}");
      }
    }
  }

  private GoValue validate(GoValue v, ArgType type) {
    switch (type) {
      case ANY, VALUE -> {
        return v;
      }
      case STRINGS -> {
        if (v.isMissing() || v.kind() == Kind.NIL_SLICE) {
          return v;
        }
        if (v.kind() == Kind.SLICE && v.type().equals("[]string")) {
          return v;
        }
      }
      case STRING -> {
        if (v.kind() == Kind.STRING && !v.type().equals(GoValue.TIME)) {
          return v;
        }
      }
      case INT -> {
        if (v.kind() == Kind.INT) {
          return v;
        }
      }
    }
    if (v.isMissing()) {
      throw error("invalid value; expected " + type.goName());
    }
    throw error(
        "wrong type for value; expected " + type.goName() + "; got " + GoFormat.typeName(v));
  }
}
