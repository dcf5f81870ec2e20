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
    String session = "s5ports-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
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

  private static CommandResult build(RealEngine e, String tag, String dockerfile) {
    return e.executePiped(
        CommandLine.split("docker build -q -t " + tag + " -"),
        dockerfile.getBytes(StandardCharsets.UTF_8),
        java.util.Optional.empty());
  }

  /**
   * What one learner types with a host port and image tags, in learner's numbers and names: web on
   * 18431, a registry on 5000, an image {@code app} pushed there and pulled back.
   */
  private static void portsAndTags(RealEngine e, String who) {
    CommandResult web = run(e, "docker run -d --name web -p 18431:80 busybox httpd -f -p 80");
    assertEquals(0, web.exitCode(), web.stderr());
    assertEquals(
        "80/tcp -> 0.0.0.0:18431\n",
        run(e, "docker port web")
                .stdout()
                .lines()
                .filter(l -> l.contains("0.0.0.0"))
                .findFirst()
                .orElse("")
            + "\n");
    assertEquals(
        "0.0.0.0:18431->80/tcp, :::18431->80/tcp\n",
        run(e, "docker ps --filter name=^web$ --format '{{.Ports}}'").stdout());
    assertEquals(
        "18431\n",
        run(
                e,
                "docker inspect -f '{{(index (index .HostConfig.PortBindings \"80/tcp\") 0).HostPort}}' web")
            .stdout());
    assertEquals(
        "18431\n",
        run(
                e,
                "docker inspect -f '{{(index (index .NetworkSettings.Ports \"80/tcp\") 0).HostPort}}'"
                    + " web")
            .stdout());
    // The session's own port, published twice: the engine's refusal, with the learner's number.
    CommandResult twice = run(e, "docker run -d --name web2 -p 18431:80 busybox sleep 60");
    assertEquals(125, twice.exitCode());
    assertTrue(
        twice.stderr().contains("Bind for 0.0.0.0:18431 failed: port is already allocated"),
        twice.stderr());
    CommandResult built = build(e, "app", "FROM busybox\nRUN echo " + who + " > /who\n");
    assertEquals(0, built.exitCode(), built.stderr());
    assertEquals(who + "\n", run(e, "docker run --rm app cat /who").stdout());
    assertEquals(
        "app:latest\n", run(e, "docker images app --format '{{.Repository}}:{{.Tag}}'").stdout());
    assertEquals("[app:latest]\n", run(e, "docker inspect -f '{{.RepoTags}}' app").stdout());
    assertEquals(0, run(e, "docker history app").exitCode());
    CommandResult registry = run(e, "docker run -d --name registry -p 5000:5000 registry:2");
    assertEquals(0, registry.exitCode(), registry.stderr());
    assertEquals(0, run(e, "docker tag app localhost:5000/app:v1").exitCode());
    CommandResult push = pushRetrying(e, "docker push localhost:5000/app:v1");
    assertEquals(0, push.exitCode(), push.stdout() + push.stderr());
    assertTrue(
        push.stdout().startsWith("The push refers to repository [localhost:5000/app]"),
        push.stdout());
    assertEquals(java.util.Optional.of(List.of("v1")), e.registryTags("localhost:5000", "app"));
    assertEquals(0, run(e, "docker rmi localhost:5000/app:v1").exitCode());
    CommandResult pull = run(e, "docker pull localhost:5000/app:v1");
    assertEquals(0, pull.exitCode(), pull.stdout() + pull.stderr());
    assertTrue(pull.stdout().endsWith("localhost:5000/app:v1\n"), pull.stdout());
    assertFalse(pull.stdout().contains("dl-"), pull.stdout());
    assertEquals(who + "\n", run(e, "docker run --rm localhost:5000/app:v1 cat /who").stdout());
    String images = run(e, "docker images --format '{{.Repository}}:{{.Tag}}'").stdout();
    assertTrue(images.contains("app:latest\n"), images);
    assertTrue(images.contains("localhost:5000/app:v1\n"), images);
    assertFalse(images.contains("dl-"), images);
    // The engine's own refusal names the learner's registry port.
    CommandResult absent = run(e, "docker push localhost:5000/nosuch");
    assertEquals(
        "An image does not exist locally with the tag: localhost:5000/nosuch\n", absent.stderr());
  }

  /**
   * A push right after the registry starts may find it not yet answering ({@code Get
   * "http://localhost:5000/v2/": EOF}): try for a while, as a learner would.
   */
  private static CommandResult pushRetrying(RealEngine e, String line) {
    CommandResult r = run(e, line);
    for (int i = 0; i < 20 && r.exitCode() != 0 && r.stderr().contains("/v2/"); i++) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        break;
      }
      r = run(e, line);
    }
    return r;
  }

  @Test
  void twoSessions_sameHostPortsAndTagsAtOnce_eachHasItsOwn_andNothingIsLeft() throws Exception {
    RealEngine a = open("pa");
    RealEngine b = open("pb");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> fa = pool.submit(() -> portsAndTags(a, "A"));
      Future<?> fb = pool.submit(() -> portsAndTags(b, "B"));
      fa.get();
      fb.get();
      // Each session's app is its own, and its registry holds its own.
      assertEquals("A\n", run(a, "docker run --rm app cat /who").stdout());
      assertEquals("B\n", run(b, "docker run --rm app cat /who").stdout());
      String tags = docker("images", "--format", "{{.Repository}}:{{.Tag}}");
      assertTrue(tags.contains("dl-" + a.sessionId() + ".app:latest"), tags);
      assertTrue(tags.contains("dl-" + b.sessionId() + ".app:latest"), tags);
    } finally {
      pool.shutdownNow();
      a.close();
      b.close();
    }
    for (RealEngine e : List.of(a, b)) {
      String prefix = "dl-" + e.sessionId() + ".";
      assertFalse(docker("ps", "-a", "--format", "{{.Names}}").contains(prefix));
      assertFalse(docker("images", "--format", "{{.Repository}}").contains(prefix));
    }
    String left = docker("images", "--format", "{{.Repository}}");
    assertFalse(left.contains("localhost:"), left);
  }

  @Test
  void withoutTheScope_theSecondSessionsPortAndTagCollide() throws Exception {
    RealEngine a = RealEngine.connectUnscoped(Twin.LOCATOR, options("ua"));
    RealEngine b = RealEngine.connectUnscoped(Twin.LOCATOR, options("ub"));
    try {
      assertEquals(
          0, run(a, "docker run -d --name ua-web -p 18432:80 busybox sleep 60").exitCode());
      CommandResult second = run(b, "docker run -d --name ub-web -p 18432:80 busybox sleep 60");
      assertEquals(125, second.exitCode());
      assertTrue(
          second.stderr().contains("Bind for 0.0.0.0:18432 failed: port is already allocated"),
          second.stderr());
      String tag = "s5ports-" + a.sessionId();
      assertEquals(0, build(a, tag, "FROM busybox\nRUN echo A > /who\n").exitCode());
      CommandResult clash = build(b, tag, "FROM busybox\nRUN echo B > /who\n");
      assertEquals(1, clash.exitCode(), clash.stdout());
      assertTrue(clash.stderr().contains("not part of this sandbox"), clash.stderr());
      // Without the scope, the other session's build steps are this one's cache.
      String dockerfile = "FROM busybox\nRUN echo s5ports-" + UUID.randomUUID() + " > /x\n";
      assertEquals(0, build(a, tag + "-c", dockerfile).exitCode());
      assertTrue(noisyBuild(b, tag + "-d", dockerfile).stdout().contains(" ---> Using cache"));
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void buildCache_isTheSessionsOwn_anotherSessionsStepsAreNotReused() throws Exception {
    RealEngine a = open("ca");
    RealEngine b = open("cb");
    String dockerfile = "FROM busybox\nRUN echo s5ports-" + UUID.randomUUID() + " > /x\n";
    try {
      CommandResult first = build(a, "app", dockerfile);
      assertEquals(0, first.exitCode(), first.stderr());
      CommandResult other = noisyBuild(b, dockerfile);
      assertFalse(other.stdout().contains("Using cache"), other.stdout());
      CommandResult again = noisyBuild(b, dockerfile);
      assertTrue(again.stdout().contains(" ---> Using cache"), again.stdout());
      assertTrue(noisyBuild(a, dockerfile).stdout().contains(" ---> Using cache"));
    } finally {
      a.close();
      b.close();
    }
  }

  private static CommandResult noisyBuild(RealEngine e, String dockerfile) {
    return noisyBuild(e, "app", dockerfile);
  }

  private static CommandResult noisyBuild(RealEngine e, String tag, String dockerfile) {
    return e.executePiped(
        CommandLine.split("docker build -t " + tag + " -"),
        dockerfile.getBytes(StandardCharsets.UTF_8),
        java.util.Optional.empty());
  }

  @Test
  void subnetHeldByAnotherSession_theEnginesRefusal_thenANoteSayingWhy() throws Exception {
    RealEngine a = open("na");
    RealEngine b = open("nb");
    try {
      assertEquals(0, run(a, "docker network create --subnet 10.231.0.0/16 net").exitCode());
      CommandResult refused = run(b, "docker network create --subnet 10.231.4.0/24 net");
      assertEquals(1, refused.exitCode());
      String[] lines = refused.stderr().split("\n");
      assertEquals(
          "Error response from daemon: Pool overlaps with other one on this address space",
          lines[0]);
      assertTrue(
          lines[1].startsWith(
              "dockerlings: the addresses 10.231.4.0/24 overlap a network"
                  + " another learner made"),
          refused.stderr());
      b.language(java.util.Locale.SIMPLIFIED_CHINESE);
      assertTrue(
          run(b, "docker network create --subnet 10.231.4.0/24 net2").stderr().contains("另一位学习者"));
      // The session's own overlapping network: the engine's refusal alone.
      CommandResult own = run(a, "docker network create --subnet 10.231.9.0/24 net2");
      assertEquals(
          "Error response from daemon: Pool overlaps with other one on this address space\n",
          own.stderr());
    } finally {
      a.close();
      b.close();
    }
  }

  private RealOptions options(String name) {
    return RealOptions.in(dir.resolve(name))
        .withSessionId("s5ports-" + name + "-" + UUID.randomUUID().toString().substring(0, 6));
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
