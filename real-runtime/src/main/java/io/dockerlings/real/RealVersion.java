package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.EngineFacts;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.VersionCommand;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TemplateException;
import io.dockerlings.simulator.format.TemplateOptions;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker version} in real mode: the client half is the docker CLI 20.10.24 that dockerlings
 * imitates, the server half is what the real engine reports about itself through the API, laid out
 * as the CLI lays it out.
 */
final class RealVersion implements CommandHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Go's {@code time.ANSIC}, which the CLI uses for {@code Built:}. */
  private static final DateTimeFormatter ANSIC =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private final RealContext ctx;
  private final VersionCommand client;

  RealVersion(RealContext ctx, EngineFacts facts) {
    this.ctx = ctx;
    this.client = new VersionCommand(facts);
  }

  @Override
  public int handle(ParsedCommand cmd, CommandIo io) {
    JsonNode server = ctx.api().call("GET", "/version");
    String format = cmd.string("format", "");
    if (format.isEmpty()) {
      CommandIo clientIo = new CommandIo("");
      client.handle(cmd, clientIo);
      String text = clientIo.stdout();
      io.out(text.substring(0, text.indexOf("Server:")) + server(server));
      return 0;
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.set("Client", clientDocument(cmd));
    doc.set("Server", server);
    GoTemplate template;
    try {
      template = GoTemplate.parse(format);
    } catch (TemplateException e) {
      throw new DockerException(
          "template parsing error: "
              + e.getMessage().replaceFirst("^template: :", "template: version:"),
          64);
    }
    try {
      io.outln(template.execute(doc, TemplateOptions.typedInspect("system.versionInfo")));
      return 0;
    } catch (TemplateException e) {
      io.outln(e.partialOutput());
      throw new DockerException(
          e.getMessage()
              .replaceFirst("^template: :", "template: version:")
              .replace("executing \"\"", "executing \"version\""),
          1);
    }
  }

  /** The client's document, asked of the imitated CLI with a JSON template. */
  private JsonNode clientDocument(ParsedCommand cmd) {
    CommandIo clientIo = new CommandIo("");
    client.handle(
        new ParsedCommand(
            cmd.path(), cmd.spec(), Map.of("format", List.of("{{json .Client}}")), List.of()),
        clientIo);
    try {
      return JSON.readTree(clientIo.stdout());
    } catch (IOException e) {
      throw new IllegalStateException("the client's version document is not JSON", e);
    }
  }

  /** The {@code Server:} section as the CLI's version template prints it. */
  static String server(JsonNode v) {
    String platform = v.path("Platform").path("Name").asText("");
    StringBuilder out = new StringBuilder("Server:");
    out.append(platform.isEmpty() ? "" : " " + platform).append('\n');
    for (JsonNode c : v.path("Components")) {
      String name = c.path("Name").asText();
      JsonNode d = c.path("Details");
      out.append(' ').append(name).append(":\n");
      if (name.equals("Engine")) {
        line(out, "Version", c.path("Version").asText());
        line(
            out,
            "API version",
            d.path("ApiVersion").asText()
                + " (minimum version "
                + d.path("MinAPIVersion").asText()
                + ")");
        line(out, "Go version", d.path("GoVersion").asText());
        line(out, "Git commit", d.path("GitCommit").asText());
        line(out, "Built", built(d.path("BuildTime").asText()));
        line(out, "OS/Arch", d.path("Os").asText() + "/" + d.path("Arch").asText());
        line(out, "Experimental", d.path("Experimental").asText());
      } else {
        line(out, "Version", c.path("Version").asText());
        Map<String, String> details = new TreeMap<>();
        d.properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
        details.forEach((k, val) -> line(out, k, val));
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("  ").append(String.format("%-18s", key + ":")).append(value).append('\n');
  }

  /** The engine's RFC 3339 build time in the CLI's local {@code time.ANSIC} form. */
  private static String built(String rfc3339) {
    try {
      return ANSIC.format(OffsetDateTime.parse(rfc3339).atZoneSameInstant(ZoneId.systemDefault()));
    } catch (RuntimeException e) {
      return rfc3339;
    }
  }
}
