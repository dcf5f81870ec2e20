package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.format.DockerJson;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TabWriter;
import io.dockerlings.simulator.format.TemplateException;
import java.util.List;

/**
 * The engine's bridge to the output formatters: inspect JSON, {@code -f} templates, list formats
 * with their {@code table} headers, and fixed-width tables such as {@code docker top}, with the
 * error prefixes and exit codes each command uses for template errors.
 */
final class Formats {
  /** How one command reports a template that fails to parse or to run. */
  enum Errors {
    /** {@code docker inspect -f}: one prefix; a parse error exits 64. */
    INSPECT("template parsing error: ", "template parsing error: ", 64);

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

  /** Aligns tab-separated lines as a Go tabwriter with this minimum width and padding 3. */
  static String tabular(String text, int minWidth) {
    return TabWriter.of(minWidth, 3).format(text);
  }
}
