package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealViewsTest {
  @TempDir Path state;
  private EnginePair both;

  @BeforeEach
  void open() throws Exception {
    both = EnginePair.open(state);
  }

  @AfterEach
  void close() {
    both.close();
  }

  @Test
  void unknownContainer_eachViewWordsItAsTheCliDoes() {
    for (String line :
        List.of("docker logs nope", "docker top nope", "docker port nope", "docker diff nope")) {
      both.same(line);
    }
  }

  @Test
  void logs_tailTimestampsAndSince() {
    both.same("docker run --name dl-rc-logs busybox sh -c 'for i in 1 2 3; do echo out$i; done'");
    both.same("docker logs dl-rc-logs");
    both.same("docker logs --tail 2 dl-rc-logs");
    both.same("docker logs --tail 0 dl-rc-logs");
    both.same("docker logs --since 1h dl-rc-logs");
    CommandResult future = both.real("docker logs --since 2099-01-01 dl-rc-logs");
    assertEquals("", future.stdout() + future.stderr());
    CommandResult stamped = both.real("docker logs -t --tail 1 dl-rc-logs");
    assertTrue(
        stamped.stdout().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z out3\n"),
        stamped.stdout());
    CommandResult bogus = both.real("docker logs --since bogus dl-rc-logs");
    assertEquals(
        "invalid value for \"since\": failed to parse value as time or duration: \"bogus\"\n",
        bogus.stderr());
    assertEquals(1, bogus.exitCode());
  }

  @Test
  void containerInspect_templatesTheEnginesDocument() {
    both.same("docker create --name dl-rc-insp -e A=1 busybox echo hi");
    both.same(
        "docker container inspect -f '{{.Name}} {{.State.Status}} {{.Config.Cmd}}' dl-rc-insp");
    both.same("docker container inspect -f '{{.Name}}' dl-rc-insp nope");
  }

  @Test
  void top_listsTheProcessesWithPsOptions() {
    both.same("docker run -d --name dl-rc-top busybox sleep 1000");
    both.same("docker exec -d dl-rc-top sleep 999");
    CommandResult r = both.real("docker top dl-rc-top");
    List<String> lines = r.stdout().lines().toList();
    assertEquals(
        "UID                 PID                 PPID                C                   STIME"
            + "               TTY                 TIME                CMD",
        lines.get(0));
    assertEquals(3, lines.size(), r.stdout());
    assertTrue(lines.get(1).endsWith("sleep 1000"), lines.get(1));
    CommandResult custom = both.real("docker top dl-rc-top -o pid,comm");
    assertEquals("PID                 COMMAND", custom.stdout().lines().findFirst().orElseThrow());
    both.same("docker create --name dl-rc-top-c busybox");
    both.same("docker top dl-rc-top-c");
  }

  @Test
  void port_listsAndLooksUpPublishedPorts() {
    both.same("docker run -d --name dl-rc-port -p 80 -p 127.0.0.1::53/udp busybox sleep 1000");
    String all = both.real("docker port dl-rc-port").stdout();
    assertTrue(
        all.matches(
            "53/udp -> 127\\.0\\.0\\.1:\\d+\n80/tcp -> 0\\.0\\.0\\.0:\\d+\n80/tcp -> :::\\d+\n"),
        all);
    String one = both.real("docker port dl-rc-port 53/udp").stdout();
    assertTrue(one.matches("127\\.0\\.0\\.1:\\d+\n"), one);
    both.same("docker port dl-rc-port 81");
  }

  @Test
  void diff_showsTheWritableLayersChanges() {
    both.same("docker run -d --name dl-rc-diff busybox sleep 1000");
    both.same("docker exec dl-rc-diff sh -c 'echo hi > /hello.txt; rm /etc/group'");
    List<String> lines = both.real("docker diff dl-rc-diff").stdout().lines().sorted().toList();
    assertEquals(List.of("A /hello.txt", "C /etc", "D /etc/group"), lines);
  }
}
