package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.format.DockerJson;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TabWriter;
import io.dockerlings.simulator.format.TemplateException;
import io.dockerlings.simulator.format.TemplateOptions;
import java.util.List;
import java.util.Map;

/**
 * The engine's bridge to the output formatters: inspect JSON, {@code -f} templates, list formats
 * with their {@code table} headers, and fixed-width tables such as {@code docker top}, with the
 * error prefixes and exit codes each command uses for template errors.
 */
final class Formats {
  /** How one command reports a template that fails to parse or to run. */
  enum Errors {
    /** {@code docker inspect -f}: one prefix; a parse error exits 64. */
    INSPECT("template parsing error: ", "template parsing error: ", 64),
    /** {@code docker ps --format}. */
    PS("failed to parse template: ", "failed to execute template: ", 1),
    /** {@code docker images --format} and {@code history --format}. */
    IMAGES("template parsing error: ", "template parsing error: ", 1);

    private final String parsePrefix;
    private final String execPrefix;
    private final int parseExit;

    Errors(String parsePrefix, String execPrefix, int parseExit) {
      this.parsePrefix = parsePrefix;
      this.execPrefix = execPrefix;
      this.parseExit = parseExit;
    }

    DockerException wrap(TemplateException e) {
      return e.isParseError()
          ? new DockerException(parsePrefix + e.getMessage(), parseExit)
          : new DockerException(execPrefix + e.getMessage(), 1);
    }
  }

  private Formats() {}

  /** What {@code docker inspect} prints for these documents. */
  static String json(List<? extends JsonNode> docs) {
    return DockerJson.inspect(docs);
  }

  /** Throws the inspect parse error, exit 64, when the template does not parse. */
  static void checkTemplate(String format) {
    try {
      GoTemplate.parse(format);
    } catch (TemplateException e) {
      throw Errors.INSPECT.wrap(e);
    }
  }

  /** One document through an {@code inspect -f} template. */
  static String template(String format, JsonNode doc) {
    try {
      return GoTemplate.parse(format).execute(doc);
    } catch (TemplateException e) {
      throw Errors.INSPECT.wrap(e);
    }
  }

  /**
   * Rows through a list format ({@code ps}, {@code images}): the rows' template, or a table with
   * its header when the format starts with {@code table}.
   */
  static String render(
      String format,
      String goType,
      Map<String, String> headers,
      List<? extends JsonNode> rows,
      Errors errors) {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    headers.forEach(header::put);
    TemplateOptions options = TemplateOptions.context(goType);
    if (goType.equals("*formatter.ContainerContext")) {
      options = options.withMethod("Label", new TemplateOptions.Method(1, Formats::label));
    }
    try {
      return GoTemplate.formatList(format, rows, options, TemplateOptions.header(), header);
    } catch (TemplateException e) {
      throw errors.wrap(e);
    }
  }

  /** ps's {@code .Label "key"}: one label's value from the row's {@code key=value,...} list. */
  private static JsonNode label(JsonNode row, List<JsonNode> args) {
    String key = args.get(0).asText();
    for (String pair : row.path("Labels").asText().split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return TextNode.valueOf(pair.substring(eq + 1));
      }
    }
    return TextNode.valueOf("");
  }

  /** Aligns tab-separated lines as a Go tabwriter with this minimum width and padding 3. */
  static String tabular(String text, int minWidth) {
    return TabWriter.of(minWidth, 3).format(text);
  }
}
