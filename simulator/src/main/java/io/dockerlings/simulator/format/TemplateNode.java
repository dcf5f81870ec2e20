package io.dockerlings.simulator.format;

import java.util.List;

/**
 * The parse tree of a Go template; {@code toString()} renders each node as Go does in error
 * messages ({@code <.State.Nope>}, {@code {{end}}}).
 */
sealed interface TemplateNode {
  /** Character offset of the node in the template text. */
  int pos();

  record ListNode(int pos, List<TemplateNode> nodes) implements TemplateNode {}

  record TextNode(int pos, String text) implements TemplateNode {}

  record ActionNode(int pos, PipeNode pipe) implements TemplateNode {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  /** if, range and with; {@code elseList} is null when there is no else branch. */
  record BranchNode(int pos, String kind, PipeNode pipe, ListNode list, ListNode elseList)
      implements TemplateNode {
    @Override
    public String toString() {
      return "{{" + kind + " " + pipe + "}}";
    }
  }

  record EndNode(int pos) implements TemplateNode {
    @Override
    public String toString() {
      return "{{end}}";
    }
  }

  record ElseNode(int pos) implements TemplateNode {
    @Override
    public String toString() {
      return "{{else}}";
    }
  }

  record BreakNode(int pos, boolean isBreak) implements TemplateNode {
    @Override
    public String toString() {
      return isBreak ? "{{break}}" : "{{continue}}";
    }
  }

  /** {@code {{template "name" pipeline}}}; {@code pipe} is null when no pipeline is given. */
  record TemplateCallNode(int pos, String name, PipeNode pipe) implements TemplateNode {
    @Override
    public String toString() {
      return "{{template " + GoQuote.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
    }
  }

  record PipeNode(int pos, boolean isAssign, List<VariableNode> decls, List<CommandNode> cmds)
      implements TemplateNode {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      if (!decls.isEmpty()) {
        for (int i = 0; i < decls.size(); i++) {
          s.append(i > 0 ? ", " : "").append(decls.get(i));
        }
        s.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        s.append(i > 0 ? " | " : "").append(cmds.get(i));
      }
      return s.toString();
    }
  }

  record CommandNode(int pos, List<TemplateNode> args) implements TemplateNode {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        TemplateNode a = args.get(i);
        s.append(i > 0 ? " " : "");
        s.append(a instanceof PipeNode ? "(" + a + ")" : a.toString());
      }
      return s.toString();
    }
  }

  record FieldNode(int pos, List<String> idents) implements TemplateNode {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      idents.forEach(i -> s.append('.').append(i));
      return s.toString();
    }
  }

  /** A variable with optional fields: {@code $x.A.B} has idents [$x, A, B]. */
  record VariableNode(int pos, List<String> idents) implements TemplateNode {
    @Override
    public String toString() {
      return String.join(".", idents);
    }
  }

  /** Fields applied to a term that is not a field or variable, e.g. {@code (index . 0).Name}. */
  record ChainNode(int pos, TemplateNode node, List<String> fields) implements TemplateNode {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      s.append(node instanceof PipeNode ? "(" + node + ")" : node.toString());
      fields.forEach(f -> s.append('.').append(f));
      return s.toString();
    }
  }

  record IdentifierNode(int pos, String name) implements TemplateNode {
    @Override
    public String toString() {
      return name;
    }
  }

  record DotNode(int pos) implements TemplateNode {
    @Override
    public String toString() {
      return ".";
    }
  }

  record NilNode(int pos) implements TemplateNode {
    @Override
    public String toString() {
      return "nil";
    }
  }

  record BoolNode(int pos, boolean value) implements TemplateNode {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A numeric constant; exactly one of the integer and float forms may be absent. */
  record NumberNode(int pos, String text, Long integer, Double floating, boolean isChar)
      implements TemplateNode {
    @Override
    public String toString() {
      return text;
    }
  }

  record StringNode(int pos, String quoted, String text) implements TemplateNode {
    @Override
    public String toString() {
      return quoted;
    }
  }
}
