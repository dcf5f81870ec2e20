package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed Go text/template, as the docker CLI 20.10 parses and runs {@code --format} and {@code
 * -f} strings, evaluated over Jackson trees.
 *
 * <p>Guarantees Go's (1.19) syntax, printing and error texts for the subset docker users write:
 * fields and chains, {@code $} and variables ({@code :=}, {@code =}), pipelines, parenthesised
 * pipelines, if / else if / else, range (with {@code $i, $v :=}, break, continue), with, trim
 * markers {@code {{- -}}}, comments, Go's builtins and docker's json, split, join, title, lower,
 * upper, pad and truncate, and named templates (define, template, block).
 *
 * <pre>{@code
 * GoTemplate t = GoTemplate.parse("{{.State.Status}}");     // TemplateException on bad syntax
 * String s = t.execute(containerJson);                      // inspect semantics: "running"
 * String table = GoTemplate.formatList("table {{.ID}}\\t{{.Names}}", rows,
 *     TemplateOptions.context("*formatter.ContainerContext"), TemplateOptions.header(), headers);
 * }</pre>
 */
public final class GoTemplate {
  private static final String TABLE = "table";

  private final String text;
  private final TemplateParser.Tree tree;

  private GoTemplate(String text, TemplateParser.Tree tree) {
    this.text = text;
    this.tree = tree;
  }

  /**
   * Parses template text; a malformed template throws with Go's message, e.g. {@code template: :1:
   * unclosed action}.
   */
  public static GoTemplate parse(String text) throws TemplateException {
    return new GoTemplate(
        text, DeepStack.call(text, () -> TemplateParser.parse(text, TemplateFunctions.NAMES)));
  }

  /** The template text as given. */
  public String text() {
    return text;
  }

  /** Runs the template with {@code docker inspect -f} semantics. */
  public String execute(JsonNode data) throws TemplateException {
    return execute(data, TemplateOptions.inspect());
  }

  /**
   * Runs the template over {@code data}; an execution error throws with Go's message, e.g. {@code
   * template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"}.
   */
  public String execute(JsonNode data, TemplateOptions options) throws TemplateException {
    return DeepStack.call(text, () -> TemplateExec.run(text, tree, data, options));
  }

  /** True when docker treats the format as a table: it starts with {@code table}. */
  public static boolean isTable(String format) {
    return format.startsWith(TABLE);
  }

  /**
   * The template docker actually parses for a list format: without the {@code table} prefix,
   * trimmed of spaces, with the two-character sequences {@code \t} and {@code \n} turned into a tab
   * and a newline.
   */
  public static String listTemplate(String format) {
    String body = isTable(format) ? format.substring(TABLE.length()) : format;
    int start = 0;
    int end = body.length();
    while (start < end && body.charAt(start) == ' ') {
      start++;
    }
    while (end > start && body.charAt(end - 1) == ' ') {
      end--;
    }
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < end && (body.charAt(i + 1) == 't' || body.charAt(i + 1) == 'n')) {
        out.append(body.charAt(++i) == 't' ? '\t' : '\n');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Renders rows as {@code docker ps/images --format FORMAT} does: each row's output plus a
   * newline; for a {@code table} format, a header row (rendered over {@code headers}, errors there
   * ignored as docker does) and then all rows aligned by {@link TabWriter#docker()}. An empty table
   * still prints its header; other formats print nothing for no rows.
   */
  public static String formatList(
      String format,
      List<? extends JsonNode> rows,
      TemplateOptions rowOptions,
      TemplateOptions headerOptions,
      JsonNode headers)
      throws TemplateException {
    GoTemplate t = parse(listTemplate(format));
    StringBuilder body = new StringBuilder();
    for (JsonNode row : rows) {
      body.append(t.execute(row, rowOptions)).append('\n');
    }
    if (!isTable(format)) {
      return body.toString();
    }
    String header;
    try {
      header = t.execute(headers, headerOptions);
    } catch (TemplateException e) {
      header = e.partialOutput();
    }
    return TabWriter.docker().format(header + "\n" + body);
  }
}
