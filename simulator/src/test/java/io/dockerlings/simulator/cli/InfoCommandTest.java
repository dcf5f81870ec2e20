package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoCommandTest {
  private static CommandResult run(EngineFacts facts, String... words) {
    DockerCli cli = new DockerCli(Map.of("info", new InfoCommand(facts)));
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(List.of(words));
    return cli.execute(argv, "");
  }

  @Test
  void plain_isTheRealEnginesLayout() throws IOException {
    CommandResult r = run(new FakeFacts(), "info");
    assertEquals(VersionCommandTest.real("info.txt"), r.stdout());
    assertEquals("", r.stderr());
    assertEquals(r.stdout(), run(new FakeFacts(), "system", "info").stdout());
  }

  @Test
  void jsonFormat_matchesTheRealEngineByteForByte() throws IOException {
    assertEquals(
        VersionCommandTest.real("info.json"),
        run(new FakeFacts(), "info", "-f", "{{json .}}").stdout());
  }

  @Test
  void fieldFormat_andErrorsWithoutATemplateName() {
    assertEquals(
        "overlay2 2 25276502016 20.10.24+dfsg1\n",
        run(new FakeFacts(), "info", "-f", "{{.Driver}} {{.NCPU}} {{.MemTotal}} {{.ServerVersion}}")
            .stdout());
    CommandResult r = run(new FakeFacts(), "info", "-f", "{{.Foo}}");
    assertEquals(1, r.exitCode());
    assertEquals(
        "template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type system.info\n",
        r.stderr());
    assertEquals(
        "template parsing error: template: :1: unclosed action\n",
        run(new FakeFacts(), "info", "-f", "{{.Driver").stderr());
  }

  @Test
  void insecureRegistriesAndMirrors_areListed() {
    FakeFacts facts =
        new FakeFacts(List.of("myreg:5000", "127.0.0.0/8"), List.of("https://mirror.example"));
    String out = run(facts, "info").stdout();
    assertTrue(
        out.contains(
            " Insecure Registries:\n  myreg:5000\n  127.0.0.0/8\n Registry Mirrors:\n"
                + "  https://mirror.example\n Live Restore Enabled: false\n\n"),
        out);
    String json = run(facts, "info", "-f", "{{json .RegistryConfig}}").stdout();
    assertTrue(
        json.contains(
            "\"IndexConfigs\":{\"docker.io\":{\"Name\":\"docker.io\",\"Mirrors\":"
                + "[\"https://mirror.example\"],\"Secure\":true,\"Official\":true},\"myreg:5000\""),
        json);
  }

  @Test
  void osVersion_isTheNumberInTheName() {
    assertEquals("12", InfoCommand.osVersion("Debian GNU/Linux 12 (bookworm)"));
    assertEquals("7", InfoCommand.osVersion("CentOS Linux 7 (Core)"));
    assertEquals("22.04.3", InfoCommand.osVersion("Ubuntu 22.04.3 LTS"));
  }
}
