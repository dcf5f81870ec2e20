package io.dockerlings.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TemplateException;
import io.dockerlings.simulator.format.TemplateOptions;

/**
 * Runs a {@code --format} template of {@code docker version} or {@code docker info} as those
 * commands do: output then a newline, an execution error after the partial output (exit 1), a parse
 * error as {@code template parsing error: ...} (exit 64).
 */
final class Templates {
  private Templates() {}

  /**
   * @param name the template's name in Go's messages ({@code version}; {@code info} has none)
   * @param goType the root's Go type in messages, e.g. {@code system.versionInfo}
   */
  static int print(String format, JsonNode data, String name, String goType, CommandIo io) {
    GoTemplate template;
    try {
      template = GoTemplate.parse(format);
    } catch (TemplateException e) {
      throw new DockerException("template parsing error: " + named(e.getMessage(), name), 64);
    }
    try {
      io.outln(template.execute(data, TemplateOptions.typedInspect(goType)));
      return 0;
    } catch (TemplateException e) {
      io.outln(e.partialOutput());
      throw new DockerException(named(e.getMessage(), name), 1);
    }
  }

  /** Go names the template in its messages: {@code template: NAME:1:2: executing "NAME" ...}. */
  private static String named(String message, String name) {
    return message
        .replaceFirst("^template: :", "template: " + name + ":")
        .replace("executing \"\"", "executing \"" + name + "\"");
  }
}
