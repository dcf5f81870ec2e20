package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * busybox {@code ls} on a terminal writes columns as the engine's does (engine goldens: {@code
 * golden/shell/ls-columns.golden}); elsewhere one name per line.
 */
class FileAppletsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  private String host(String line) {
    CommandResult r = sim.host(line);
    assertEquals(0, r.exitCode(), line + ": " + r.stderr());
    return r.stdout();
  }

  @Test
  void columns_namesThatFit_areOneLineEachColumnTheLongestPlusTwo() {
    assertEquals("a    bbb  cc\n", FileApplets.columns(List.of("a", "bbb", "cc"), 80));
  }

  @Test
  void columns_narrowTerminal_namesRunDownTheColumns() {
    List<String> root = List.of("bin", "dev", "etc", "proc", "root", "sys", "tmp", "var");
    assertEquals("bin   etc   root  tmp\ndev   proc  sys   var\n", FileApplets.columns(root, 40));
  }

  @Test
  void columns_roomForOneColumnOnly_onePerLine() {
    assertEquals("ab\ncd\n", FileApplets.columns(List.of("ab", "cd"), 7));
  }

  @Test
  void columns_aNameWiderThanTheTerminal_onePerLine() {
    String wide = "b".repeat(100);
    assertEquals("a\n" + wide + "\ncc\n", FileApplets.columns(List.of("a", wide, "cc"), 80));
  }

  @Test
  void columns_noNames_printsNothing() {
    assertEquals("", FileApplets.columns(List.of(), 80));
  }

  @Test
  void columns_notATerminal_onePerLine() {
    assertEquals("a\nb\n", FileApplets.columns(List.of("a", "b"), 0));
  }

  @Test
  void ls_withATty_writesColumnsAtEightyColumns() {
    assertEquals(
        "bin   dev   etc   proc  root  sys   tmp   var\r\n",
        host("docker run --rm -t busybox ls /"));
  }

  @Test
  void ls_withATtyAndColumns_usesThatWidth() {
    assertEquals(
        "bin   etc   root  tmp\r\ndev   proc  sys   var\r\n",
        host("docker run --rm -t -e COLUMNS=40 busybox ls /"));
  }

  @Test
  void ls_withoutATty_writesOneNamePerLine() {
    assertEquals(
        "bin\ndev\netc\nproc\nroot\nsys\ntmp\nvar\n", host("docker run --rm busybox ls /"));
  }

  @Test
  void ls_withOneOnATty_writesOneNamePerLine() {
    assertEquals(
        "bin\r\ndev\r\netc\r\nproc\r\nroot\r\nsys\r\ntmp\r\nvar\r\n",
        host("docker run --rm -t busybox ls -1 /"));
  }

  @Test
  void ls_intoAPipeOnATty_writesOneNamePerLine() {
    assertEquals(
        "bin\r\ndev\r\netc\r\nproc\r\nroot\r\nsys\r\ntmp\r\nvar\r\n",
        host("docker run --rm -t busybox sh -c 'ls / | cat'"));
  }

  @Test
  void ls_longOnATty_isTheSameAsWithoutOne() {
    host("docker run -d --name lsl busybox sleep 100");
    assertEquals(
        host("docker exec lsl ls -l /etc").replace("\n", "\r\n"),
        host("docker exec -t lsl ls -l /etc"));
  }

  @Test
  void ls_emptyDirectoryOnATty_printsNothing() {
    assertEquals("end\r\n", host("docker run --rm -t busybox sh -c 'mkdir /e; ls /e; echo end'"));
  }

  @Test
  void ls_execWithATty_writesColumns() {
    host("docker run -d --name lsx busybox sleep 100");
    assertEquals(
        "bin   dev   etc   proc  root  sys   tmp   var\r\n", host("docker exec -t lsx ls /"));
    assertEquals("bin\ndev\netc\nproc\nroot\nsys\ntmp\nvar\n", host("docker exec lsx ls /"));
  }

  @Test
  void ls_inAnItShell_writesColumnsAndOnePerLineThroughAPipe() {
    io.dockerlings.simulator.InteractiveSession s =
        sim.execute(List.of("docker", "run", "-it", "--rm", "busybox", "sh"))
            .session()
            .orElseThrow();
    assertEquals("bin   dev   etc   proc  root  sys   tmp   var\n", s.send("ls /"));
    assertEquals("bin\ndev\netc\nproc\nroot\nsys\ntmp\nvar\n", s.send("ls / | cat"));
    s.send("exit");
  }

  @Test
  void ls_inAnItShellWhoseWindowWasSent_usesTheWindowsWidthAndFollowsAResize() {
    io.dockerlings.simulator.InteractiveSession s =
        sim.execute(List.of("docker", "run", "-it", "--rm", "busybox", "sh"))
            .session()
            .orElseThrow();
    // Engine, in a 30-column window: two rows, the names running down the columns.
    s.resize(30, 24);
    assertEquals("bin   etc   root  tmp\ndev   proc  sys   var\n", s.send("ls /"));
    s.resize(10, 24);
    assertEquals("bin\ndev\netc\nproc\nroot\nsys\ntmp\nvar\n", s.send("ls /"));
    s.resize(120, 30);
    assertEquals("bin   dev   etc   proc  root  sys   tmp   var\n", s.send("ls /"));
    // COLUMNS wins over the window, as busybox reads it (engine: COLUMNS=20 in a 200-wide one).
    assertEquals("bin   etc   root  tmp\ndev   proc  sys   var\n", s.send("COLUMNS=24 ls /"));
    s.send("exit");
  }

  @Test
  void ls_inAnExecItSession_usesItsOwnWindow_andAnotherTtyStaysAtEighty() {
    host("docker run -d -t --name lsw busybox sleep 100");
    io.dockerlings.simulator.InteractiveSession s =
        sim.execute(List.of("docker", "exec", "-it", "lsw", "sh")).session().orElseThrow();
    s.resize(30, 24);
    assertEquals("bin   etc   root  tmp\ndev   proc  sys   var\n", s.send("ls /"));
    s.send("exit");
    assertEquals(
        "bin   dev   etc   proc  root  sys   tmp   var\r\n", host("docker exec -t lsw ls /"));
  }
}
