package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DockerSimulatorTest {
  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), clock, 3));

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  private String state() {
    return docker("ps -a --no-trunc").stdout() + docker("images -a --no-trunc").stdout();
  }

  @Test
  void detachedSleep_exitsWhenItsTimeHasPassed() {
    docker("run -d --name sl busybox sleep 5");
    assertEquals("running\n", docker("inspect -f {{.State.Status}} sl").stdout());
    clock.now = clock.now.plus(Duration.ofSeconds(6));
    assertEquals(
        "exited 0\n", docker("inspect -f '{{.State.Status}} {{.State.ExitCode}}' sl").stdout());
  }

  @Test
  void stop_onPid1WithoutHandler_takesTheGracePeriodAndEnds137() {
    docker("run -d --name sl busybox sleep 1000");
    Instant before = clock.now;
    docker("stop sl");
    assertEquals("137\n", docker("inspect -f {{.State.ExitCode}} sl").stdout());
    String finished = docker("inspect -f {{.State.FinishedAt}} sl").stdout().trim();
    assertEquals(before.plusSeconds(10), Instant.parse(finished));
  }

  @Test
  void stop_severalContainers_waitsOutTheirGracePeriodsTogether() {
    docker("run -d --name s1 busybox sleep 1000");
    docker("run -d --name s2 busybox httpd -f -p 80");
    Instant before = clock.now;
    docker("stop s1 s2");
    for (String name : List.of("s1", "s2")) {
      String finished = docker("inspect -f {{.State.FinishedAt}} " + name).stdout().trim();
      assertEquals(before.plusSeconds(10), Instant.parse(finished), name);
    }
    assertEquals("137\n", docker("inspect -f {{.State.ExitCode}} s2").stdout());
  }

  @Test
  void restartAlways_bringsTheContainerBack() {
    docker("run -d --name rs --restart=always busybox sh -c 'sleep 1; exit 1'");
    clock.now = clock.now.plusSeconds(30);
    CommandResult r = docker("inspect -f '{{.RestartCount}} {{.State.Status}}' rs");
    assertTrue(r.stdout().matches("\\d+ (running|restarting)\\n"), r.stdout());
    assertFalse(r.stdout().startsWith("0 "));
  }

  @Test
  void hostileInput_neverThrows_andLeavesStateUnchanged() {
    docker("run -d --name keep busybox sleep 1000");
    String before = state();
    Random random = new Random(11);
    List<String> words =
        List.of(
            "run",
            "ps",
            "rm",
            "-f",
            "--",
            "'",
            "\"",
            "$(",
            "\u0000",
            "\u001b[31m",
            "-dit",
            "--name",
            "busybox",
            "sh",
            "-c",
            "{{",
            "}}",
            "--format",
            "inspect",
            "container",
            "image",
            "x:y:z",
            "@sha256:",
            "-p",
            "99999:1",
            "--restart",
            "on-failure:-1",
            "exec",
            "keep",
            "kill",
            "-s",
            "NOPE");
    for (int i = 0; i < 500; i++) {
      List<String> argv = new ArrayList<>(List.of("docker"));
      int n = random.nextInt(6);
      for (int k = 0; k < n; k++) {
        argv.add(words.get(random.nextInt(words.size())));
      }
      if (argv.contains("run")
          || argv.contains("rm")
          || argv.contains("kill")
          || argv.contains("exec")) {
        // Only commands that must fail are compared for state; valid ones may change it.
        continue;
      }
      CommandResult r = sim.execute(argv);
      assertTrue(r.exitCode() >= 0);
    }
    assertEquals(before, state());
    // Longer than one argument may be (MAX_ARG_STRLEN): the shell cannot even start docker.
    CommandResult huge = sim.execute(List.of("docker", "x".repeat(1_000_000)));
    assertEquals(126, huge.exitCode());
    CommandResult long1 = sim.execute(List.of("docker", "x".repeat(100_000)));
    assertEquals(1, long1.exitCode());
    assertEquals(before, state());
  }

  @Test
  void failedCommands_changeNothing() {
    docker("run -d --name keep busybox sleep 1000");
    String before = state();
    for (String bad :
        List.of(
            "run --rm --restart=always busybox true",
            "run -p 99999:80 busybox true",
            "run --name keep busybox true",
            "rm keep",
            "rmi busybox",
            "tag busybox BAD:x",
            "run -m 1x busybox",
            "run nosuchimage",
            "pause nosuch",
            "rename keep keep")) {
      CommandResult r = docker(bad);
      assertTrue(r.exitCode() != 0, bad);
      assertEquals(before, state(), bad);
    }
  }

  @Test
  void interactiveShell_changesAreSeenByDiffAndCommit() {
    CommandResult r = docker("run -it --name tour busybox sh");
    InteractiveSession s = r.session().orElseThrow();
    assertEquals("/ # ", s.prompt());
    s.send("echo hello > /hello.txt");
    s.send("rm /etc/group");
    assertEquals("sh: nosuch: not found\n", s.send("nosuch"));
    s.send("exit 3");
    assertFalse(s.isOpen());
    assertEquals(3, s.exitCode());
    assertEquals("C /etc\nD /etc/group\nA /hello.txt\n", docker("diff tour").stdout());
    assertTrue(docker("commit tour hello:v1").stdout().startsWith("sha256:"));
    assertEquals("hello\n", docker("run --rm hello:v1 cat /hello.txt").stdout());
  }

  @Test
  void privateRegistry_storesWhatIsPushed_untilItsVolumeGoes() {
    docker("tag busybox 127.0.0.1:5000/bb:v1");
    CommandResult refused = docker("push 127.0.0.1:5000/bb:v1");
    assertEquals(1, refused.exitCode());
    assertTrue(refused.stderr().contains("connect: connection refused"), refused.stderr());
    docker("run -d --name reg -p 5000:5000 -v /srv/registry:/var/lib/registry registry:2");
    assertTrue(docker("push 127.0.0.1:5000/bb:v1").stdout().contains(": Pushed"));
    assertTrue(docker("push 127.0.0.1:5000/bb:v1").stdout().contains(": Layer already exists"));
    docker("rm -f reg");
    docker("rmi 127.0.0.1:5000/bb:v1");
    docker("run -d --name reg2 -p 5000:5000 -v /srv/registry:/var/lib/registry registry:2");
    assertEquals(0, docker("pull 127.0.0.1:5000/bb:v1").exitCode());
    String ip = docker("inspect -f {{.NetworkSettings.IPAddress}} reg2").stdout().trim();
    docker("tag busybox " + ip + ":5000/bb:v1");
    assertEquals(
        "Get \"https://" + ip + ":5000/v2/\": http: server gave HTTP response to HTTPS client\n",
        docker("push " + ip + ":5000/bb:v1").stderr());
  }

  @Test
  void hostShell_seesBindMounts_curlsPublishedPorts_andRestartsTheDaemon() {
    docker("run --rm -v /srv/site:/html busybox sh -c 'echo page > /html/index.html'");
    assertEquals("page\n", sim.host("cat /srv/site/index.html").stdout());
    docker("run -d --name web -p 8080:80 busybox httpd -f -p 80 -h /");
    docker("exec web sh -c 'echo hi > /index.html'");
    assertEquals("hi\n", sim.host("curl http://localhost:8080/").stdout());
    assertTrue(
        sim.host("iptables -t nat -S")
            .stdout()
            .contains("--dport 8080 -j DNAT --to-destination 172.17.0.2:80"));
    sim.host("echo '{broken' > /etc/docker/daemon.json");
    assertEquals(1, sim.host("systemctl restart docker").exitCode());
    assertTrue(docker("ps").stderr().startsWith("Cannot connect to the Docker daemon"));
    sim.host("echo '{}' > /etc/docker/daemon.json");
    assertEquals(0, sim.host("systemctl restart docker").exitCode());
    assertEquals(0, docker("ps").exitCode());
  }

  @Test
  void hostTools_showTheBridgesRoutesAndListeningPortsOfTheEnginesState() {
    docker("network create s3f-net");
    docker("run -d --name web -p 8080:80 busybox httpd -f -p 80");
    docker("run -d --name other --network s3f-net busybox sleep 1000");
    String brctl = sim.host("brctl show").stdout();
    assertTrue(brctl.startsWith("bridge name\tbridge id\t\tSTP enabled\tinterfaces\n"), brctl);
    assertTrue(
        brctl.matches(
            "(?s).*\nbr-[0-9a-f]{12}\t\t8000[.]0242[0-9a-f]{8}\tno\t\tveth[0-9a-f]{7}\n.*"),
        brctl);
    assertTrue(
        brctl.matches("(?s).*\ndocker0\t\t8000[.]024200000001\tno\t\tveth[0-9a-f]{7}\n$"), brctl);
    String route = sim.host("route -n").stdout();
    assertTrue(
        route.contains(
            "172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 docker0\n"),
        route);
    assertTrue(
        route.contains(
            "172.18.0.0      0.0.0.0         255.255.0.0     U     0      0        0 br-"),
        route);
    assertTrue(
        route.contains(
            "\n0.0.0.0         192.168.246.2   0.0.0.0         UG    100    0        0 ens33\n"),
        route);
    String netstat = sim.host("netstat -lntp").stdout();
    assertTrue(
        netstat.contains(
            "tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      2543/docker-proxy   \n"),
        netstat);
    docker("stop web");
    assertFalse(sim.host("netstat -lnt").stdout().contains(":8080"));
    assertEquals(1, sim.host("brctl addbr x").exitCode());
  }

  @Test
  void hostSystemctl_stopsAndStartsTheDaemon_andStatusSaysWhich() {
    String running = sim.host("systemctl status docker").stdout();
    assertTrue(running.contains("   Active: active (running) since "), running);
    assertTrue(running.contains("; disabled; vendor preset: disabled)"), running);
    CommandResult enable = sim.host("systemctl enable docker");
    assertTrue(
        enable.stderr().startsWith("Created symlink from /etc/systemd/system/"), enable.stderr());
    assertEquals("", sim.host("systemctl enable docker").stderr());
    assertEquals(0, sim.host("systemctl stop docker").exitCode());
    assertEquals(
        "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon"
            + " running?\n",
        docker("ps").stderr());
    CommandResult stopped = sim.host("systemctl status docker");
    assertEquals(3, stopped.exitCode());
    assertTrue(stopped.stdout().contains("   Active: inactive (dead) since "), stopped.stdout());
    assertEquals("inactive\n", sim.host("systemctl is-active docker").stdout());
    assertEquals(0, sim.host("systemctl start docker").exitCode());
    assertEquals(0, docker("ps").exitCode());
  }

  @Test
  void hostIpAddr_showsTheCardAndDocker0_downWithoutContainers() {
    String idle = sim.host("ip a").stdout();
    assertTrue(
        idle.contains(
            "2: ens33: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP qlen"
                + " 1000\n"),
        idle);
    assertTrue(
        idle.contains(
            "3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN"),
        idle);
    docker("run -d --name up busybox sleep 1000");
    String busy = sim.host("ip a").stdout();
    assertTrue(
        busy.contains(
            "3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP"),
        busy);
    assertFalse(docker("exec up ip a").stdout().contains("state UP"));
  }

  @Test
  void hostSysctl_readsAndSetsTheNotesKeys_andRefusesUnknownOnes() {
    assertEquals("net.ipv4.ip_forward = 1\n", sim.host("sysctl net.ipv4.ip_forward").stdout());
    sim.host("echo 'net.ipv4.ip_forward=0' > /etc/sysctl.conf");
    assertEquals("net.ipv4.ip_forward = 0\n", sim.host("sysctl -p").stdout());
    assertEquals("net.ipv4.ip_forward = 0\n", sim.host("sysctl net.ipv4.ip_forward").stdout());
    CommandResult unknown = sim.host("sysctl net.foo.bar");
    assertEquals(255, unknown.exitCode());
    assertEquals(
        "sysctl: cannot stat /proc/sys/net/foo/bar: No such file or directory\n", unknown.stderr());
  }

  @Test
  void hostProcFiles_andFree_describeTheSameMachine() {
    String meminfo = sim.host("cat /proc/meminfo").stdout();
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("MemTotal: +([0-9]+) kB").matcher(meminfo);
    assertTrue(total.find(), meminfo);
    long mib = Long.parseLong(total.group(1)) / 1024;
    String free = sim.host("free -m").stdout();
    assertTrue(free.matches("(?s).*\nMem: +" + mib + " .*"), free + meminfo);
    String cpus = sim.host("grep -c processor /proc/cpuinfo").stdout().strip();
    assertTrue(docker("info").stdout().contains(" CPUs: " + cpus + "\n"), cpus);
  }

  @Test
  void hostShell_runsDockerInPipesAndChains() {
    // As on the course machine: docker info | grep Root prints " Docker Root Dir: /var/lib/docker".
    assertEquals(
        " Docker Root Dir: /var/lib/docker\n", sim.host("docker info | grep Root").stdout());
    CommandResult chained = sim.host("docker create --name c1 busybox > /tmp/id && docker ps -aq");
    assertEquals(0, chained.exitCode());
    assertEquals(
        sim.host("cat /tmp/id").stdout().substring(0, 12) + "\n",
        chained.stdout(),
        "the id went to the file");
    CommandResult missing = sim.host("docker inspect nosuch | grep -i ip");
    assertEquals(1, missing.exitCode());
    assertEquals("Error: No such object: nosuch\n", missing.stderr());
    assertEquals("hi\n", sim.host("echo 'echo hi' | docker run -i --rm busybox sh").stdout());
  }

  @Test
  void hostShell_dockerRunIt_refusesAPipeOrFileAsStdin_butNotTheTerminal() {
    CommandResult piped = sim.host("echo hi | docker run -it --name piped busybox cat");
    assertEquals(1, piped.exitCode());
    assertEquals("the input device is not a TTY\n", piped.stderr());
    assertEquals("", docker("ps -aq --filter name=piped").stdout(), "no container was created");
    sim.host("echo hi > /tmp/in");
    assertEquals(
        "the input device is not a TTY\n",
        sim.host("docker run -it --rm busybox cat < /tmp/in").stderr());
    assertEquals(0, sim.host("echo hi | docker run -t --rm busybox echo t").exitCode());
    docker("run -d --name bg busybox sleep 100");
    assertEquals(
        "the input device is not a TTY\n", sim.host("echo hi | docker exec -it bg cat").stderr());
    assertEquals(
        "Error: No such container: nosuch\n",
        sim.host("echo hi | docker exec -it nosuch cat").stderr());
    CommandResult typed = sim.host("docker run -it --rm busybox echo typed && echo after");
    assertEquals(0, typed.exitCode(), typed.stderr());
    assertTrue(typed.stdout().contains("after"), typed.stdout());
  }

  @Test
  void runPrivileged_holdsEveryCapability_seesHostDevices_andInspectSaysSo() {
    DockerSimulator modern =
        DockerSimulator.create(
            new SimulatorOptions(
                new HostSpec(2, 8L << 30, "6.1.0-18-amd64", "Debian GNU/Linux 12", "vm"),
                clock,
                3));
    CommandResult caps =
        modern.execute(
            List.of(
                "docker",
                "run",
                "--privileged",
                "--name",
                "pv",
                "busybox",
                "sh",
                "-c",
                "grep -E '^(CapEff|Seccomp):' /proc/self/status; ls /dev | grep -c ."));
    assertEquals("CapEff:\t000001ffffffffff\nSeccomp:\t0\n31\n", caps.stdout(), caps.stderr());
    CommandResult plain =
        modern.execute(List.of("docker", "run", "busybox", "sh", "-c", "ls /dev | grep -c ."));
    assertEquals("14\n", plain.stdout());
    assertEquals(
        "true\n",
        modern
            .execute(List.of("docker", "inspect", "-f", "{{.HostConfig.Privileged}}", "pv"))
            .stdout());
  }

  @Test
  void applets_takeOptionValuesAttached_asBusyboxGetoptDoes() {
    CommandResult r =
        docker(
            "run --rm busybox sh -c 'seq 1 5 > /n; tail -n+4 /n; grep -m1 -e 2 /n;"
                + " echo a:b:c | cut -sd: -f3; echo abcdefghijklmn | cut -c1-12'");
    assertEquals("4\n5\n2\nc\nabcdefghijkl\n", r.stdout(), r.stderr());
  }

  /** The commands {@code docker --help} of the 20.10.24 CLI lists, management commands included. */
  private static final java.util.Set<String> REAL_HELP_COMMANDS =
      java.util.Set.of(
          "builder",
          "completion",
          "config",
          "container",
          "context",
          "image",
          "manifest",
          "network",
          "node",
          "plugin",
          "secret",
          "service",
          "stack",
          "swarm",
          "system",
          "trust",
          "volume",
          "attach",
          "build",
          "commit",
          "cp",
          "create",
          "diff",
          "events",
          "exec",
          "export",
          "history",
          "images",
          "import",
          "info",
          "inspect",
          "kill",
          "load",
          "login",
          "logout",
          "logs",
          "pause",
          "port",
          "ps",
          "pull",
          "push",
          "rename",
          "restart",
          "rm",
          "rmi",
          "run",
          "save",
          "search",
          "start",
          "stats",
          "stop",
          "tag",
          "top",
          "unpause",
          "update",
          "version",
          "wait");

  @Test
  void commandNames_areOnlyWhatDockerHelpLists_plusHelp() {
    List<String> names = sim.commandNames();
    assertFalse(names.contains("remove"), names.toString());
    for (String n : names) {
      assertTrue(n.equals("help") || REAL_HELP_COMMANDS.contains(n), n);
    }
    assertTrue(
        names.containsAll(List.of("run", "ps", "image", "network", "volume")), names.toString());
  }

  @Test
  void rmi_lastTagOfAPushedRepository_untagsItsDigestToo() {
    // As Engine 20.10 answered: the digest reference goes with the repository's last tag.
    docker("run -d --name dl-dreg -p 5000:5000 registry:2");
    docker("tag busybox 127.0.0.1:5000/dl/bb:v1");
    String pushed = docker("push 127.0.0.1:5000/dl/bb:v1").stdout();
    String digest = pushed.substring(pushed.indexOf("digest: ") + 8, pushed.indexOf(" size:"));
    docker("tag busybox 127.0.0.1:5000/dl/bb:v2");
    assertEquals(
        "Untagged: 127.0.0.1:5000/dl/bb:v1\n", docker("rmi 127.0.0.1:5000/dl/bb:v1").stdout());
    assertEquals("1\n", docker("image inspect -f '{{len .RepoDigests}}' busybox").stdout());
    assertEquals(
        "Untagged: 127.0.0.1:5000/dl/bb:v2\nUntagged: 127.0.0.1:5000/dl/bb@" + digest + "\n",
        docker("rmi 127.0.0.1:5000/dl/bb:v2").stdout());
    assertEquals("0\n", docker("image inspect -f '{{len .RepoDigests}}' busybox").stdout());
  }

  @Test
  void startAi_opensTheTerminalOfAnItContainer_andFeedsPipedInputToAnIContainer() {
    docker("create -it --name ai busybox sh");
    CommandResult started = docker("start -ai ai");
    InteractiveSession s = started.session().orElseThrow();
    assertEquals("/ # ", s.prompt());
    s.send("exit 3");
    assertFalse(s.isOpen());
    assertEquals(
        "Exited (3)",
        docker("ps -a --filter name=ai --format {{.Status}}").stdout().substring(0, 10));
    docker("create -i --name ai2 busybox sh -c 'cat; echo done'");
    assertEquals("hello\ndone\n", sim.host("echo hello | docker start -ai ai2").stdout());
    assertEquals("done\n", docker("start -a ai2").stdout(), "without -i nothing reaches cat");
  }
}
