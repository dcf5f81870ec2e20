package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * with their {@code table} headers, and fixed-width tables such as {@code docker top}.
 */
final class Formats {
  private Formats() {}

  /** What {@code docker inspect} prints for these documents. */
  static String json(List<? extends JsonNode> docs) {
    return DockerJson.inspect(docs);
  }

  /** One document through an {@code inspect -f} template. */
  static String template(String format, JsonNode doc) {
    try {
      return GoTemplate.parse(format).execute(doc);
    } catch (TemplateException e) {
      throw templateError(e);
    }
  }

  /**
   * Rows through a list format ({@code ps}, {@code images}): the rows' template, or a table with
   * its header when the format starts with {@code table}.
   */
  static String render(
      String format, String goType, Map<String, String> headers, List<? extends JsonNode> rows) {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    headers.forEach(header::put);
    try {
      return GoTemplate.formatList(
          format, rows, TemplateOptions.context(goType), TemplateOptions.header(), header);
    } catch (TemplateException e) {
      throw templateError(e);
    }
  }

  /** Aligns tab-separated lines as a Go tabwriter with this minimum width and padding 3. */
  static String tabular(String text, int minWidth) {
    return TabWriter.of(minWidth, 3).format(text);
  }

  private static DockerException templateError(TemplateException e) {
    return new DockerException(e.getMessage(), 1);
  }
}
