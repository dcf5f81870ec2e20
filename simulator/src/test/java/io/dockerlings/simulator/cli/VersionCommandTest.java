package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCommandTest {
  private final DockerCli cli =
      new DockerCli(Map.of("version", new VersionCommand(new FakeFacts())));

  static String real(String name) throws IOException {
    try (InputStream in = VersionCommandTest.class.getResourceAsStream("real/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private CommandResult run(String... words) {
    List<String> argv = new java.util.ArrayList<>(List.of("docker", "version"));
    argv.addAll(List.of(words));
    return cli.execute(argv, "");
  }

  @Test
  void plain_isTheRealEnginesLayout() throws IOException {
    assertEquals(real("version.txt"), run().stdout());
  }

  @Test
  void jsonFormat_matchesTheRealEngineByteForByte() throws IOException {
    assertEquals(real("version.json"), run("--format", "{{json .}}").stdout());
  }

  @Test
  void fieldFormat() {
    assertEquals(
        "20.10.24+dfsg1 linux\n", run("-f", "{{.Client.Version}} {{.Server.Os}}").stdout());
    assertEquals(
        "1.41 6.18.44-fc-v669\n",
        run("-f", "{{.Server.ApiVersion}} {{.Server.KernelVersion}}").stdout());
  }

  @Test
  void unknownField_failsAfterANewline_exit1() {
    CommandResult r = run("--format", "{{.Foo}}");
    assertEquals(1, r.exitCode());
    assertEquals("\n", r.stdout());
    assertEquals(
        "template: version:1:2: executing \"version\" at <.Foo>: can't evaluate field Foo in type"
            + " system.versionInfo\n",
        r.stderr());
  }

  @Test
  void malformedTemplate_exit64() {
    CommandResult r = run("--format", "{{.Server.Version");
    assertEquals(64, r.exitCode());
    assertEquals("", r.stdout());
    assertEquals("template parsing error: template: version:1: unclosed action\n", r.stderr());
  }

  @Test
  void handlerAlone_throwsDockerExceptionForTheDispatcher() {
    VersionCommand v = new VersionCommand(new FakeFacts());
    ParsedCommand cmd =
        new ParsedCommand(
            "version",
            CommandSpecs.load().find("version").orElseThrow(),
            Map.of("format", List.of("{{")),
            List.of());
    assertEquals(
        64, assertThrows(DockerException.class, () -> v.handle(cmd, new CommandIo(""))).exitCode());
  }
}
