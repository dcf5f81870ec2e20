package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsCommandTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void ps_exitedFilterThatIsNoNumber_isRefusedWithGosWords() {
    CommandResult r = docker("ps -a --filter exited=abc");
    assertEquals(1, r.exitCode());
    assertEquals(
        "Error response from daemon: strconv.Atoi: parsing \"abc\": invalid syntax\n", r.stderr());
  }

  @Test
  void ps_beforeAndSince_pickByCreationOrder() {
    docker("create --name one busybox");
    docker("create --name two busybox");
    docker("create --name three busybox");
    assertEquals("one\n", docker("ps -a --filter before=two --format '{{.Names}}'").stdout());
    assertEquals("three\ntwo\n", docker("ps -a --filter since=one --format '{{.Names}}'").stdout());
  }

  @Test
  void ps_beforeAMissingContainer_isRefused() {
    assertEquals(
        "Error response from daemon: no such container gone\n",
        docker("ps --filter before=gone").stderr());
  }

  @Test
  void ps_nameFilter_triesTheNameWithItsSlash_andABadPatternMatchesNothing() {
    docker("create --name web busybox");
    assertEquals("web\n", docker("ps -a --filter name=^/web$ --format '{{.Names}}'").stdout());
    assertEquals("", docker("ps -a --filter 'name=web[' --format '{{.Names}}'").stdout());
  }

  @Test
  void readsSize_onlyForTemplatesThatCanPrintIt() {
    assertTrue(PsCommand.readsSize("{{.Size}}"));
    assertTrue(PsCommand.readsSize("{{json .}}"));
    assertTrue(PsCommand.readsSize("{{ . }}"));
    assertFalse(PsCommand.readsSize("{{.Names}}\t{{.Status}}"));
  }

  @Test
  void format_withSize_stillPrintsIt() {
    docker("run --name wr busybox sh -c 'echo hi > /f'");
    assertEquals(
        "wr 3B (virtual 1.98MB)\n", docker("ps -a --format '{{.Names}} {{.Size}}'").stdout());
  }

  @Test
  void ps_last_takesWhatTheFlagParserTakes_hexUnderscoresAndBeyondAnInt() {
    // Docker 20.10 takes all three (ParseInt in base 0); words are refused while parsing.
    docker("create --name one busybox");
    docker("create --name two busybox");
    docker("create --name three busybox");
    assertEquals("three\ntwo\n", docker("ps -n 0x2 --format '{{.Names}}'").stdout());
    assertEquals("three\ntwo\none\n", docker("ps -n 1_0 --format '{{.Names}}'").stdout());
    assertEquals("three\ntwo\none\n", docker("ps -n 99999999999 --format '{{.Names}}'").stdout());
    CommandResult words = docker("ps -n two");
    assertEquals(125, words.exitCode());
    assertTrue(words.stderr().contains("strconv.ParseInt: parsing \"two\": invalid syntax"));
  }
}
