package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.Faults;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command that faults half-way leaves the engine as it was: a fault is injected as the command
 * makes its k-th change, for k from the first change to the last, and the engine must then equal
 * one that never ran the command, in its inspect documents, its containers' and volumes' files, the
 * host's files, and what the next commands draw (ids, names, addresses, ports).
 */
class UndoTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  /** A small world every command below can act on. */
  private static final List<String> SETUP =
      List.of(
          "docker network create net1",
          "docker volume create vol1",
          "docker network create spare",
          "docker run -d --name web -p 8080:80 -v vol1:/data --network net1 busybox sleep 1000",
          "docker run -d --name idle busybox sleep 1000",
          "docker create --name made busybox echo hi",
          "docker run --name done busybox sh -c 'echo out > /o'",
          "docker tag busybox mine:1",
          "docker run -d --name tm --tmpfs /t busybox sleep 1000",
          "$ mkdir -p /root/ctx /root/in",
          "$ echo 'FROM busybox' > /root/ctx/Dockerfile",
          "$ echo 'RUN echo a > /a && mkdir /b' >> /root/ctx/Dockerfile",
          "$ echo 'COPY f /f' >> /root/ctx/Dockerfile",
          "$ echo 'RUN rm /bin/vi' >> /root/ctx/Dockerfile",
          "$ echo data > /root/ctx/f",
          "$ echo one > /root/in/1",
          "$ echo two > /root/in/2");

  private static Engine engine() {
    Engine e = new Engine(new SimulatorOptions(HostSpec.courseServer(), CLOCK, 3));
    for (String line : SETUP) {
      CommandResult r = run(e, line);
      assertEquals(0, r.exitCode(), line + ": " + r.stderr());
    }
    return e;
  }

  /** A docker command, or a host line when it starts with {@code $ }. */
  private static CommandResult run(Engine e, String line) {
    try {
      if (line.startsWith("$ ")) {
        return e.hostCommand(line.substring(2));
      }
      return e.execute(new ArrayList<>(CommandLine.split(line)), "");
    } catch (RuntimeException fault) {
      // What DockerSimulator's boundary does with a fault that reaches it.
      return CommandResult.of(1, "", Faults.line(fault));
    }
  }

  /**
   * Everything a learner or a check could see: inspect documents, every container's changes and
   * files, every volume's files, the host's files, then what the next commands draw.
   */
  private static String seen(Engine e) {
    EngineSnapshot snapshot = e.snapshot();
    StringBuilder b = new StringBuilder(snapshot.toString()).append('\n');
    for (String c : new TreeSet<>(e.containerNames())) {
      b.append(c).append(": ").append(e.reads().diff(c)).append('\n');
      b.append(e.reads().containerFile(c, "/o")).append(e.reads().containerFile(c, "/x"));
    }
    b.append(e.reads().volumeFile("vol1", "/f")).append(e.reads().volumeFile("vol2", "/f"));
    b.append(run(e, "$ ls -la /root /root/in /tmp /dev/shm").stdout());
    b.append(run(e, "docker exec tm sh -c 'ls -laR /t /dev/shm; cat /t/f /dev/shm/g'").stdout());
    b.append(run(e, "$ df /").stdout());
    for (String probe :
        List.of(
            "docker run -d -p 8081:80 --network net1 busybox sleep 5",
            "docker run -d -P busybox sleep 5",
            "docker inspect -f '{{.Name}} {{.NetworkSettings.Networks}}' $(docker ps -aq)",
            "docker ps -a --no-trunc",
            "docker images -a --no-trunc",
            "docker network ls --no-trunc",
            "docker volume ls")) {
      CommandResult r = probe.contains("$(") ? run(e, "$ " + probe) : run(e, probe);
      b.append(probe).append(" -> ").append(r.exitCode()).append(r.stdout()).append(r.stderr());
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker run -d --name r1 -p 9090:80 -v vol2:/x -v /root/in:/in --network net1 busybox"
            + " sh -c 'echo hi > /x/f; sleep 100'",
        "docker run --rm busybox sh -c 'echo hi > /tmp/x'",
        "docker create --name c1 -v /data busybox",
        "docker start made",
        "docker stop web idle",
        "docker restart web",
        "docker kill web",
        "docker rm -f web idle",
        "docker rm done",
        "docker rename web web2",
        "docker pause web",
        "docker update --restart always web",
        "docker build -t app /root/ctx",
        "docker commit web snap:1",
        "docker tag busybox other:2",
        "docker rmi mine:1",
        "docker network connect net1 idle",
        "docker network disconnect net1 web",
        "docker network create net2",
        "docker network rm spare",
        "docker volume create vol2",
        "docker cp /root/in web:/in",
        "docker cp web:/data /root/out",
        "docker exec web sh -c 'echo x > /x; rm -rf /bin/vi; mkdir -p /d/e'",
        "docker container prune -f",
        "docker system prune -af",
        "$ rm -rf /root/in; mkdir /root/n; echo z > /root/n/z; cd /tmp",
        "$ echo z > /dev/shm/h; mkdir /dev/shm/d",
        "$ for i in 1 2 3; do echo $i >> /tmp/l; rm /tmp/l; echo $i >> /tmp/l; done",
        // The tmpfs and /dev/shm writes come before a change of the container's own files.
        "docker exec tm sh -c 'echo x > /t/f; mkdir /t/d; echo y > /dev/shm/g; echo z > /z'",
      })
  void command_faultingAtEachChange_leavesTheEngineAsItWas(String command) {
    String before = seen(engine());
    Engine counted = engine();
    CommandResult normal = run(counted, command);
    int changes = counted.undo().recordedByLastCommand();
    assertTrue(changes > 1, command + " recorded " + changes + " changes: " + normal.stderr());
    assertTrue(!seen(counted).equals(before), command + " changed nothing");
    for (int k : points(changes)) {
      Engine e = engine();
      e.undo().failAtRecord(k);
      CommandResult r = run(e, command);
      assertTrue(
          r.stderr().contains("the simulator failed") && r.stderr().contains("injected at change"),
          command + " at change " + k + " of " + changes + ": " + r.exitCode() + r.stderr());
      assertSeen(before, seen(e), command + ", fault at change " + k + " of " + changes);
    }
  }

  /** Equal views, or a failure naming the first line that differs. */
  private static void assertSeen(String expected, String actual, String what) {
    String[] a = expected.split("\n");
    String[] b = actual.split("\n");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      assertEquals(a[i], b[i], what + ", line " + i);
    }
    assertEquals(a.length, b.length, what);
  }

  /** The first, second and last changes and a few between (all of them when there are few). */
  private static TreeSet<Integer> points(int changes) {
    TreeSet<Integer> out = new TreeSet<>();
    if (changes <= 12) {
      for (int k = 1; k <= changes; k++) {
        out.add(k);
      }
      return out;
    }
    for (int k :
        new int[] {1, 2, changes / 4, changes / 2, 3 * changes / 4, changes - 1, changes}) {
      out.add(Math.max(1, k));
    }
    return out;
  }

  @Test
  void hostLine_whoseDockerCommandFaults_keepsTheRestOfTheLine() {
    // As in a real shell where one program crashes: docker's part is taken back, the rest stays.
    Engine control = engine();
    run(control, "$ mkdir /root/n; false; echo z > /root/n/z");
    String expected = seen(control);
    Engine counted = engine();
    run(counted, "$ mkdir /root/n");
    int prefix = counted.undo().recordedByLastCommand();
    Engine e = engine();
    e.undo().failAtRecord(prefix + 3);
    CommandResult r = run(e, "$ mkdir /root/n; docker rm -f idle; echo z > /root/n/z");
    assertTrue(r.stderr().contains("injected at change"), r.stderr());
    assertEquals(expected, seen(e));
  }

  @Test
  void terminalLine_faultingAtEachChange_leavesTheEngineAsItWas() {
    String typed = "echo x > /x; rm /bin/vi; mkdir -p /d/e; echo y > /data/y";
    String before = seen(withTerminal().engine());
    Opened counted = withTerminal();
    counted.terminal().send(typed);
    int changes = counted.engine().undo().recordedByLastCommand();
    assertTrue(changes > 3, "" + changes);
    assertTrue(!seen(counted.engine()).equals(before), "the line changed nothing");
    for (int k : points(changes)) {
      Opened o = withTerminal();
      o.engine().undo().failAtRecord(k);
      try {
        o.terminal().send(typed);
      } catch (Undo.InjectedFault expected) {
        // The REPL reports it in one line; the engine must be as before the line.
      }
      assertSeen(before, seen(o.engine()), "fault at change " + k + " of " + changes);
    }
  }

  private record Opened(Engine engine, io.dockerlings.simulator.InteractiveSession terminal) {}

  private static Opened withTerminal() {
    Engine e = engine();
    String open = "docker run -it --name term -v vol1:/data busybox sh";
    return new Opened(
        e, e.execute(new ArrayList<>(CommandLine.split(open)), "").session().orElseThrow());
  }

  @Test
  void failAtRecord_withoutTheRollback_wouldLeaveAChange() {
    // The check above can fail: a half-made run leaves its container when nothing is undone.
    Engine e = engine();
    String before = seen(e);
    Engine counted = engine();
    run(counted, "docker run -d --name r2 busybox sleep 100");
    int changes = counted.undo().recordedByLastCommand();
    e.undo().failAtRecord(changes);
    e.undo().keepChangesOnFault();
    CommandResult r = run(e, "docker run -d --name r2 busybox sleep 100");
    assertTrue(r.stderr().contains("injected"), r.stderr());
    assertTrue(!seen(e).equals(before));
  }

  @Test
  void normalFailure_keepsWhatTheEngineKeeps() {
    // docker's own answers are not faults: a run whose command is missing leaves its container.
    Engine e = engine();
    CommandResult r = run(e, "docker run --name bad busybox nosuchcommand");
    assertEquals(127, r.exitCode());
    assertTrue(e.containerNames().contains("bad"));
  }

  @Test
  void journal_ofARun_doesNotGrowWithTheNumberOfContainers() {
    Engine e = engine();
    run(e, "docker run -d busybox sleep 1000");
    int few = e.undo().recordedByLastCommand();
    for (int i = 0; i < 1_500; i++) {
      run(e, "docker run -d busybox sleep 1000");
    }
    run(e, "docker run -d busybox sleep 1000");
    assertEquals(few, e.undo().recordedByLastCommand());
    run(e, "docker rm -f web");
    assertTrue(e.undo().recordedByLastCommand() < 50, "" + e.undo().recordedByLastCommand());
  }

  @Test
  void journal_ofAFileAppendedToManyTimes_keepsOneOldCopyOfIt() {
    // Fuzz seed 13, line 33550: yes into a file kept every earlier version of it (out of memory).
    Engine e = engine();
    CommandResult r =
        run(e, "$ i=0; while [ $i -lt 300 ]; do echo $i >> /tmp/l; i=$((i+1)); done; wc -l /tmp/l");
    assertEquals("300 /tmp/l\n", r.stdout());
    int changes = e.undo().recordedByLastCommand();
    assertTrue(changes < 20, changes + " changes for one file");
    run(e, "$ echo | eval yes \">/tmp/y\"");
    assertTrue(e.undo().recordedByLastCommand() < 20, "" + e.undo().recordedByLastCommand());
    assertEquals("16777216 /tmp/y\n", run(e, "$ wc -c /tmp/y").stdout());
  }
}
