package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.format.TemplateNode.ActionNode;
import io.dockerlings.simulator.format.TemplateNode.BranchNode;
import io.dockerlings.simulator.format.TemplateNode.ListNode;
import org.junit.jupiter.api.Test;

/** Messages were printed by docker 20.10 (Go 1.19) for the same templates. */
class TemplateParserTest {
  private static ListNode parse(String text) throws TemplateException {
    return TemplateParser.parse(text, TemplateFunctions.NAMES).root();
  }

  private static String error(String text) {
    return assertThrows(TemplateException.class, () -> parse(text)).getMessage();
  }

  @Test
  void parse_action_rendersBackAsGoDoes() throws TemplateException {
    ActionNode a = (ActionNode) parse("{{.A.B | printf \"%s\" $ (len .C)}}").nodes().get(0);
    assertEquals("{{.A.B | printf \"%s\" $ (len .C)}}", a.toString());
  }

  @Test
  void parse_chainedField_isPlacedAtItsSecondField() throws TemplateException {
    ActionNode a = (ActionNode) parse("{{.State.Nope}}").nodes().get(0);
    assertEquals(8, a.pipe().cmds().get(0).args().get(0).pos());
  }

  @Test
  void parse_elseIf_nestsAnIfInTheElseBranch() throws TemplateException {
    BranchNode b = (BranchNode) parse("{{if .A}}a{{else if .B}}b{{else}}c{{end}}").nodes().get(0);
    assertEquals("{{if .B}}", b.elseList().nodes().get(0).toString());
  }

  @Test
  void parse_errors_matchGo() {
    assertEquals("template: :1: unexpected {{end}}", error("{{end}}"));
    assertEquals("template: :1: unexpected EOF", error("{{if .Name}}x"));
    assertEquals("template: :1: function \"nofunc\" not defined", error("{{nofunc}}"));
    assertEquals("template: :1: undefined variable \"$x\"", error("{{$x}}"));
    assertEquals("template: :1: missing value for range", error("{{range}}"));
    assertEquals("template: :1: unexpected \"}\" in operand", error("a {{ .Name }"));
    assertEquals("template: :1: unexpected \"}\" in command", error("{{.Name}} {{}"));
    assertEquals(
        "template: :1: expected end; found {{else}}", error("{{if 1}}{{else}}{{else}}{{end}}"));
    assertEquals("template: :1: unexpected \")\" in command", error("{{.Name)}}"));
    assertEquals("template: :1: missing value for command", error("{{$x := }}"));
    assertEquals("template: :1: unexpected <.> in operand", error("{{.Name.}}"));
    assertEquals("template: :3: unexpected {{end}}", error("{{ .Name\n }}\n{{end}}"));
    assertEquals(
        "template: :1: non executable command in pipeline stage 2", error("{{\"x\" | 3}}"));
    assertEquals("template: :1: {{break}} outside {{range}}", error("{{break}}"));
  }

  @Test
  void parse_variablesDeclaredInABranch_goOutOfScopeAtEnd() {
    assertEquals(
        "template: :1: undefined variable \"$y\"", error("{{if true}}{{$y := 1}}{{end}}{{$y}}"));
  }

  @Test
  void parse_trailingPipe_isAccepted() throws TemplateException {
    assertEquals(1, parse("{{.Name | }}").nodes().size());
  }
}
