package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sessions on one engine at once, typing the same names: each has its own {@code web}, {@code
 * net} and {@code data}, sees them under those names everywhere (ps, inspect, errors, DNS), and the
 * engine holds both under their prefixed names until the sessions close.
 */
@Tag("real-engine")
class SharedEngineTest {
  @TempDir Path dir;

  @BeforeAll
  static void engineAnswers() {
    Twin.assumeEngine();
  }

  private RealEngine open(String name) throws EngineUnavailableException {
    String session = "s4iso-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
    return RealEngine.connect(
        Twin.LOCATOR, RealOptions.in(dir.resolve(name)).withSessionId(session));
  }

  private static CommandResult run(RealEngine e, String line) {
    return e.execute(CommandLine.split(line), "");
  }

  /** What one learner types, with the answers that must hold in either session. */
  private static List<String> learner(RealEngine e, String who) {
    List<String> seen = new ArrayList<>();
    CommandResult web = run(e, "docker run -d --name web busybox sleep 120");
    assertEquals(0, web.exitCode(), web.stderr());
    String id = web.stdout().strip();
    assertEquals("web\n", run(e, "docker ps --format '{{.Names}}'").stdout());
    assertEquals("/web\n", run(e, "docker inspect -f '{{.Name}}' web").stdout());
    assertEquals("/web\n", run(e, "docker inspect -f '{{.Name}}' " + id.substring(0, 12)).stdout());
    CommandResult again = run(e, "docker run -d --name web busybox true");
    assertEquals(125, again.exitCode());
    assertEquals(
        "docker: Error response from daemon: Conflict. The container name \"/web\" is already in"
            + " use by container \""
            + id
            + "\". You have to remove (or rename) that container to be able to reuse that name.\n"
            + "See 'docker run --help'.\n",
        again.stderr());
    assertEquals(0, run(e, "docker network create net").exitCode());
    assertEquals(0, run(e, "docker run -d --name db --network net busybox sleep 120").exitCode());
    CommandResult ping = run(e, "docker run --rm --network net busybox ping -c 1 -W 3 db");
    assertEquals(0, ping.exitCode(), ping.stdout() + ping.stderr());
    seen.add(ping.stdout().lines().findFirst().orElse(""));
    assertEquals(
        "net\n",
        run(e, "docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}' db")
            .stdout());
    String aliases =
        run(e, "docker inspect -f '{{json .NetworkSettings.Networks.net.Aliases}}' db").stdout();
    assertFalse(aliases.contains("\"db\""), "the added alias shows: " + aliases);
    CommandResult link = run(e, "docker run --rm --link web busybox ping -c 1 -W 3 web");
    assertEquals(0, link.exitCode(), link.stdout() + link.stderr());
    assertEquals(0, run(e, "docker volume create data").exitCode());
    assertEquals(
        0, run(e, "docker run --rm -v data:/d busybox sh -c 'echo " + who + " > /d/f'").exitCode());
    assertEquals(who + "\n", run(e, "docker run --rm -v data:/d busybox cat /d/f").stdout());
    assertEquals("data\n", run(e, "docker volume ls -q").stdout());
    assertEquals(
        "net\n", run(e, "docker network ls --filter name=^net$ --format '{{.Name}}'").stdout());
    assertEquals("web\n", run(e, "docker ps --filter name=^web --format '{{.Names}}'").stdout());
    String all = run(e, "docker inspect web db").stdout();
    assertFalse(all.contains("dl-" + e.sessionId()), "an engine name shows in inspect");
    // An unnamed container is reached by the name the engine made up for it.
    String anon = run(e, "docker create busybox true").stdout().strip();
    String made = run(e, "docker inspect -f '{{.Name}}' " + anon).stdout().strip();
    assertTrue(made.matches("/[a-z]+_[a-z]+[0-9]*"), made);
    assertEquals(made.substring(1) + "\n", run(e, "docker rm " + made.substring(1)).stdout());
    CommandResult missing = run(e, "docker stop nosuch");
    assertEquals("Error response from daemon: No such container: nosuch\n", missing.stderr());
    return seen;
  }

  @Test
  void twoSessions_sameNamesAtOnce_eachHasItsOwn_andNothingIsLeft() throws Exception {
    RealEngine a = open("a");
    RealEngine b = open("b");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<String>> fa = pool.submit(() -> learner(a, "A"));
      Future<List<String>> fb = pool.submit(() -> learner(b, "B"));
      List<String> pa = fa.get();
      List<String> pb = fb.get();
      assertTrue(pa.get(0).startsWith("PING db ("), pa.toString());
      assertTrue(pb.get(0).startsWith("PING db ("), pb.toString());
      String names = docker("ps", "-a", "--format", "{{.Names}}");
      assertTrue(names.contains("dl-" + a.sessionId() + ".web"), names);
      assertTrue(names.contains("dl-" + b.sessionId() + ".web"), names);
      // Each session's data volume holds its own file.
      assertEquals("A\n", run(a, "docker run --rm -v data:/d busybox cat /d/f").stdout());
      assertEquals("B\n", run(b, "docker run --rm -v data:/d busybox cat /d/f").stdout());
    } finally {
      pool.shutdownNow();
      a.close();
      b.close();
    }
    for (RealEngine e : List.of(a, b)) {
      String prefix = "dl-" + e.sessionId() + ".";
      assertFalse(docker("ps", "-a", "--format", "{{.Names}}").contains(prefix));
      assertFalse(docker("network", "ls", "--format", "{{.Name}}").contains(prefix));
      assertFalse(docker("volume", "ls", "--format", "{{.Name}}").contains(prefix));
    }
  }

  @Test
  void publishedHostPort_isTheEnginesOwn_andTheSecondSessionIsRefused() throws Exception {
    RealEngine a = open("pa");
    RealEngine b = open("pb");
    try {
      assertEquals(0, run(a, "docker run -d --name web -p 18431:80 busybox sleep 60").exitCode());
      CommandResult second = run(b, "docker run -d --name web -p 18431:80 busybox sleep 60");
      assertEquals(125, second.exitCode());
      // The daemon names the endpoint by the container's name: the learner's, not the engine's.
      assertTrue(
          second.stderr().contains("failed programming external connectivity on endpoint web ("),
          second.stderr());
      assertTrue(
          second.stderr().contains("Bind for 0.0.0.0:18431 failed: port is already allocated"),
          second.stderr());
    } finally {
      a.close();
      b.close();
    }
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
