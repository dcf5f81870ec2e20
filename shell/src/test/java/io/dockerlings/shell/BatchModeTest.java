package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class BatchModeTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String script, boolean json) throws Exception {
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 5));
    return new BatchMode(
            backend,
            json,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new BufferedReader(new StringReader(script)));
  }

  @Test
  void text_printsStdoutAndStderrSeparately_andExitsZero() throws Exception {
    int status = run("# comment\n\ndocker run --rm busybox echo hi\ndocker rm nosuch\n", false);
    assertEquals(0, status);
    assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("Error: No such container: nosuch\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void json_givesOneObjectPerCommand() throws Exception {
    run("docker run --rm busybox echo hi\ndocker rm nosuch\n", true);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals("docker run --rm busybox echo hi", first.get("command").asText());
    assertEquals(0, first.get("exit").asInt());
    assertEquals("hi\n", first.get("stdout").asText());
    assertEquals(1, new ObjectMapper().readTree(lines[1]).get("exit").asInt());
  }

  @Test
  void interactiveRun_takesTheFollowingLinesAsTerminalInput() throws Exception {
    run(
        "docker run -it --name tt busybox sh\necho inside\nexit 4\ndocker ps -a --format '{{.Names}} {{.Status}}'\n",
        false);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("inside\n"), text);
    assertTrue(text.contains("tt Exited (4)"), text);
  }

  @Test
  void pipedDockerCommands_runInTheHostShell() throws Exception {
    run("docker info | grep Root\ndocker inspect nosuch | grep -i ip\n", true);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    ObjectMapper m = new ObjectMapper();
    assertEquals(
        " Docker Root Dir: /var/lib/docker\n", m.readTree(lines[0]).get("stdout").asText());
    assertEquals(1, m.readTree(lines[1]).get("exit").asInt());
    assertEquals("Error: No such object: nosuch\n", m.readTree(lines[1]).get("stderr").asText());
  }

  @Test
  void detachLine_leavesTheTerminal_withWhatDockerPrints() throws Exception {
    run(
        "docker run -d --name ss busybox sleep 1000\ndocker exec -it ss sh\necho in\n^P^Q\n"
            + "docker run -it --name tt busybox sh\n^P^Q\ndocker ps --format '{{.Names}}'\n",
        true);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    ObjectMapper m = new ObjectMapper();
    assertEquals(7, lines.length, out.toString(StandardCharsets.UTF_8));
    JsonNode execDetach = m.readTree(lines[3]);
    assertEquals("^P^Q", execDetach.get("command").asText());
    assertEquals(1, execDetach.get("exit").asInt());
    assertEquals("read escape sequence\n", execDetach.get("stderr").asText());
    JsonNode runDetach = m.readTree(lines[5]);
    assertEquals(0, runDetach.get("exit").asInt());
    assertEquals("", runDetach.get("stderr").asText());
    assertEquals("tt\nss\n", m.readTree(lines[6]).get("stdout").asText());
  }

  @Test
  void openTerminalAtTheEnd_getsCtrlD() throws Exception {
    run("docker run -it --name tt busybox sh\necho hi\n", true);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals("^D", new ObjectMapper().readTree(lines[2]).get("command").asText());
  }

  @Test
  void json_escapesControlCharactersAndNonAscii() throws Exception {
    run("docker run --rm busybox echo '中文 \"q\"'\n", true);
    String line = out.toString(StandardCharsets.UTF_8).strip();
    assertEquals("中文 \"q\"\n", new ObjectMapper().readTree(line).get("stdout").asText(), line);
    assertTrue(line.contains("\\n"), line);
  }

  @Test
  void substitution_andBadLines_doNotStopTheScript() throws Exception {
    run(
        "docker run -d busybox sleep 100\ndocker rm -f $(docker ps -q)\necho 'x\ndocker ps -q\n",
        false);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unterminated quoted string"));
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length);
    assertEquals(lines[0].substring(0, 12), lines[1]);
  }

  @Test
  void json_carriesTheNoteInAFieldOfItsOwn_andDockersStreamsUnchanged() throws Exception {
    run("docker rm nosuch\ndocker ps -q\n", true);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    JsonNode failed = new ObjectMapper().readTree(lines[0]);
    assertEquals("Error: No such container: nosuch\n", failed.get("stderr").asText());
    JsonNode note = failed.get("note");
    assertEquals("no-such-container", note.get("id").asText());
    assertEquals("m2-lifecycle", note.get("lesson").asText());
    assertEquals("There is no container called nosuch.", note.get("cause").get("en").asText());
    assertEquals("没有名为 nosuch 的容器。", note.get("cause").get("zh-CN").asText());
    assertTrue(new ObjectMapper().readTree(lines[1]).path("note").isMissingNode());
  }

  @Test
  void text_printsNoNote() throws Exception {
    run("docker rm nosuch\n", false);
    assertEquals("Error: No such container: nosuch\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void text_execAndHostLines_printTheirStreamsInTheOrderWritten() throws Exception {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    PrintStream one = new PrintStream(both, true, StandardCharsets.UTF_8);
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 5));
    new BatchMode(backend, false, one, one)
        .run(
            new BufferedReader(
                new StringReader(
                    "docker run -d --name s3h-b busybox sleep 600\n"
                        + "docker exec s3h-b sh -c \"echo 1; echo 2 >&2; echo 3\"\n"
                        + "ls -d /nope /etc; echo x >&2; echo y\n")));
    String text = both.toString(StandardCharsets.UTF_8);
    assertTrue(text.endsWith("1\n2\n3\nls: /nope: No such file or directory\n/etc\nx\ny\n"), text);
  }
}
