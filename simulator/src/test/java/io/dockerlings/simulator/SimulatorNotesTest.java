package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.notes.Notes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every note the simulator says of itself, in English by default and in Chinese when asked. */
class SimulatorNotesTest {
  private static final Locale ZH = Locale.forLanguageTag("zh-CN");
  private static final String LOOP = "sh -c 'while true; do echo on; sleep 1; done'";

  /**
   * One way to make each note appear: lines run in order ({@code $ } marks a host line, the rest
   * are docker commands split at spaces), then the note's key and arguments.
   */
  static Stream<Arguments> notes() {
    return Stream.of(
        note("cli.unsupported", List.of("swarm"), "docker swarm init"),
        note("run.keepsRunning", List.of("fg", "10"), "docker run --name fg busybox " + LOOP),
        note(
            "attach.keepsRunning",
            List.of("st", "10"),
            "docker run -d --name st busybox " + LOOP,
            "docker attach st"),
        note(
            "exec.keepsRunning",
            List.of("10"),
            "docker run -d --name ex busybox sleep 1000",
            "docker exec ex " + LOOP),
        note(
            "wait.neverEnds",
            List.of("wt"),
            "docker run -d --name wt busybox sleep 10000000",
            "docker wait wt"),
        note(
            "build.runTooLong",
            List.of(),
            "$ mkdir ctx",
            "$ echo FROM busybox > ctx/Dockerfile",
            "$ echo RUN sleep 100000 >> ctx/Dockerfile",
            "docker build ctx"),
        note(
            "cp.tarStream",
            List.of(),
            "docker run -d --name cp busybox sleep 1000",
            "docker cp cp:/etc -"),
        note("network.driver", List.of("macvlan"), "docker network create -d macvlan mv"),
        note("host.endless", List.of("/dev/zero"), "$ docker load < /dev/zero"),
        note("host.endless", List.of("/dev/zero"), "docker load -i /dev/zero"),
        note("host.iptables", List.of(), "$ iptables -L"),
        note("host.sysctl", List.of(), "$ sysctl"),
        note("host.brctl", List.of(), "$ brctl addbr x"),
        note("host.route", List.of(), "$ route"),
        note("host.netstat", List.of(), "$ netstat"),
        note("host.systemctl.unit", List.of(), "$ systemctl restart nginx"),
        note("host.systemctl.verb", List.of("mask"), "$ systemctl mask docker"),
        note("sh.ip", List.of(), "$ ip link"),
        note("sh.notSimulated", List.of("nc"), "docker run --rm busybox nc 10.0.0.1 80"));
  }

  private static Arguments note(String key, List<String> args, String... lines) {
    return Arguments.of(key, args, List.of(lines));
  }

  private static SimulatorOptions options() {
    return new SimulatorOptions(
        HostSpec.detect(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 7);
  }

  private static DockerSimulator simulator(Locale language) {
    return DockerSimulator.create(options().withLanguage(language));
  }

  /** What the lines printed, stdout and stderr together. */
  private static String said(DockerSimulator sim, List<String> lines) {
    StringBuilder all = new StringBuilder();
    for (String line : lines) {
      CommandResult r =
          line.startsWith("$ ")
              ? sim.host(line.substring(2))
              : sim.execute(CommandLine.split(line));
      all.append(r.stdout()).append(r.stderr());
    }
    return all.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notes")
  void note_isEnglishByDefault_andChineseUnderZhCn(
      String key, List<String> args, List<String> lines) {
    Object[] a = args.toArray();
    String english = Notes.ENGLISH.get(key, a);
    String chinese = Notes.CHINESE.get(key, a);
    String byDefault = said(DockerSimulator.create(options()), lines);
    assertTrue(byDefault.contains(english), byDefault);
    String zh = said(simulator(ZH), lines);
    assertTrue(zh.contains(chinese), zh);
    assertFalse(zh.contains(english), zh);
    assertEquals(
        byDefault.replace(english, "NOTE"),
        zh.replace(chinese, "NOTE"),
        "only the note differs: docker's own words stay as they are");
  }

  @org.junit.jupiter.api.Test
  void everyNoteKey_isMadeToAppearAbove_exceptTheFault() {
    Set<String> shown = new TreeSet<>();
    notes().forEach(n -> shown.add((String) n.get()[0]));
    shown.add("fault"); // FaultsTest: a fault cannot be provoked on purpose.
    Set<String> all =
        new TreeSet<>(java.util.ResourceBundle.getBundle(Notes.BUNDLE, Locale.ENGLISH).keySet());
    assertEquals(all, shown);
  }

  @org.junit.jupiter.api.Test
  void language_canChange_onALiveEngine() {
    DockerSimulator sim = simulator(Locale.ENGLISH);
    assertEquals(Locale.ENGLISH, sim.language());
    sim.language(ZH);
    assertTrue(sim.host("brctl addbr x").stderr().contains("只模拟了 brctl show"));
    sim.language(Locale.ENGLISH);
    assertTrue(sim.host("brctl addbr x").stderr().contains("only brctl show is simulated"));
  }
}
