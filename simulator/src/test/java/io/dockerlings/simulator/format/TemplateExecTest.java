package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class TemplateExecTest {
  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String run(String template, String data, TemplateOptions options)
      throws TemplateException {
    return TemplateExec.run(
        template, TemplateParser.parse(template, TemplateFunctions.NAMES), json(data), options);
  }

  @Test
  void run_rangeWithBreakAndContinue() throws TemplateException {
    String t =
        "{{range $i, $e := .L}}{{if eq $i 1}}{{continue}}{{end}}{{if eq $i 3}}{{break}}"
            + "{{end}}{{$e}}{{end}}";
    assertEquals("ac", run(t, "{\"L\":[\"a\",\"b\",\"c\",\"d\"]}", TemplateOptions.inspect()));
  }

  @Test
  void run_rangeOverMap_isSortedByKey() throws TemplateException {
    assertEquals(
        "a=1;b=2;",
        run(
            "{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}",
            "{\"Labels\":{\"b\":\"2\",\"a\":\"1\"}}",
            TemplateOptions.inspect()));
  }

  @Test
  void run_withAndDollar_keepRoot() throws TemplateException {
    assertEquals(
        "up/x",
        run(
            "{{with .S}}{{.Status}}{{$.N}}{{end}}",
            "{\"S\":{\"Status\":\"up\"},\"N\":\"/x\"}",
            TemplateOptions.inspect()));
  }

  @Test
  void run_inspectMissingField_failsLikeTheRawFallback() {
    TemplateException e =
        assertThrows(
            TemplateException.class,
            () -> run("{{.Nope}}", "{\"Name\":\"/x\"}", TemplateOptions.inspect()));
    assertEquals(
        "template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\"",
        e.getMessage());
  }

  @Test
  void run_inspectMissingLabel_printsNoValue() throws TemplateException {
    assertEquals("<no value>", run("{{.Labels.x}}", "{\"Labels\":{}}", TemplateOptions.inspect()));
  }

  @Test
  void run_headerMode_usesPassThroughFunctionsAndMissingKeys() throws TemplateException {
    assertEquals(
        "NAMES|NAMES|<no value>",
        run(
            "{{upper .Names}}|{{json .Names}}|{{.Other}}",
            "{\"Names\":\"NAMES\"}",
            TemplateOptions.header()));
  }

  @Test
  void run_contextMethod_getsItsArguments() throws TemplateException {
    TemplateOptions o =
        TemplateOptions.context("*formatter.ContainerContext")
            .withMethod(
                "Label",
                new TemplateOptions.Method(
                    1,
                    (row, args) ->
                        JsonNodeFactory.instance.textNode("<" + args.get(0).asText() + ">")));
    assertEquals("<a.b>", run("{{.Label \"a.b\"}}", "{}", o));
    TemplateException e = assertThrows(TemplateException.class, () -> run("{{.Label}}", "{}", o));
    assertEquals(
        "template: :1:2: executing \"\" at <.Label>: wrong number of args for Label: want 1 got 0",
        e.getMessage());
  }

  @Test
  void run_contextJsonOfRoot_sortsKeysAndEscapesHtml() throws TemplateException {
    assertEquals(
        "{\"A\":\"\\u003c\",\"B\":\"x\"}",
        run("{{json .}}", "{\"B\":\"x\",\"A\":\"<\"}", TemplateOptions.context("*T")));
  }

  @Test
  void run_errorLocation_countsBytesOnItsLine() {
    TemplateException e =
        assertThrows(
            TemplateException.class, () -> run("é\n ab{{.Nope}}", "{}", TemplateOptions.inspect()));
    assertEquals(
        "template: :2:5: executing \"\" at <.Nope>: map has no entry for key \"Nope\"",
        e.getMessage());
  }
}
