package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.dockerlings.shell.OutputNormalizer.Kind;
import io.dockerlings.shell.OutputNormalizer.Line;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputNormalizerTest {
  private final OutputNormalizer normalizer = OutputNormalizer.standard();

  private String keys(String output) {
    return normalizer.keys(output);
  }

  private void assertSameKeys(String fixture) {
    assertEquals(
        keys(CompareFixtures.engine(fixture).stdout()),
        keys(CompareFixtures.simulator(fixture).stdout()),
        fixture);
  }

  @Test
  void normalize_realPsA_engineAndSimulatorReadTheSame() {
    assertSameKeys("ps-a");
    assertEquals(
        "<id> | busybox | \"httpd -f -p 80\" | <time> ago | Up <time>"
            + " | 0.0.0.0:<port>->80/tcp, :::<port>->80/tcp | dl-cmp-a\n",
        keys(CompareFixtures.engine("ps-a").stdout()).lines().toList().get(4) + "\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ps-a-notrunc",
        "ps-a-s",
        "ps-publish-all",
        "top",
        "port",
        "stats",
        "inspect",
        "ping"
      })
  void normalize_realOutputs_engineAndSimulatorReadTheSame(String fixture) {
    assertSameKeys(fixture);
  }

  @Test
  void normalize_realImages_sameRowForTheSameImage() {
    List<String> engine = keys(CompareFixtures.engine("images").stdout()).lines().toList();
    List<String> sim = keys(CompareFixtures.simulator("images").stdout()).lines().toList();
    assertEquals("REPOSITORY | TAG | IMAGE ID | CREATED | SIZE", engine.get(0));
    assertEquals(engine.get(0), sim.get(0));
    // The engine here also holds registry:2, listed first.
    assertEquals("busybox | latest | <id> | <time> ago | <size>", engine.get(2));
    assertEquals(engine.get(2), sim.get(1));
  }

  @Test
  void normalize_realLogsWithTimestamps_hidesTheTimestamps() {
    assertEquals(
        "<time> hello\n<time> oops\n",
        keys(
            CompareFixtures.engine("logs-t").stdout() + CompareFixtures.engine("logs-t").stderr()));
  }

  @Test
  void normalize_realDiff_keepsTheOrder() {
    // The engine lists changes in on-disk order, the simulator by path: a real difference.
    assertNotEquals(
        keys(CompareFixtures.engine("diff").stdout()),
        keys(CompareFixtures.simulator("diff").stdout()));
  }

  @Test
  void normalize_errorLines_keepTheirSizes() {
    String err = CompareFixtures.engine("memory").stderr();
    assertEquals(err, keys(err));
  }

  @Test
  void normalize_relativeTimes_becomePlaceholders() {
    assertEquals(
        "<time> ago\nUp <time>\nUp <time> (Paused)\nExited (0) <time> ago\n"
            + "Exited (137) <time> ago\nRestarting (1) <time> ago\n<time> ago\nCreated\n",
        keys(
            "3 seconds ago\nUp About a minute\nUp 2 hours (Paused)\nExited (0) 5 seconds ago\n"
                + "Exited (137) Less than a second ago\nRestarting (1) About an hour ago\n"
                + "2 years ago\nCreated\n"));
  }

  @Test
  void normalize_durationsWithoutUpOrAgo_areLearnersText() {
    assertEquals("sleeping 3 seconds\n", keys("sleeping 3 seconds\n"));
  }

  @Test
  void normalize_absoluteTimestamps_becomePlaceholders_butTheZeroTimeStays() {
    assertEquals(
        "\"StartedAt\": \"<time>\",\n\"FinishedAt\": \"0001-01-01T00:00:00Z\"\n"
            + "a <time> b\n<time>\n",
        keys(
            "\"StartedAt\": \"2026-11-23T11:51:09.48734378Z\",\n"
                + "\"FinishedAt\": \"0001-01-01T00:00:00Z\"\n"
                + "a 2026-11-23 12:00:00 +0000 UTC b\n2026-11-23T12:00:00+08:00\n"));
  }

  @Test
  void normalize_idsAndDigests_becomePlaceholders() {
    assertEquals(
        "<id>\n<id>\nDigest: <digest>\n<id>: Pull complete\nnot an id: 5b47e16dde0ag\n",
        keys(
            "5b47e16dde0a\n"
                + "5b47e16dde0ade4dce16c18fa1ac0413fe6b5a1ab2db5fd1b003777573909835\n"
                + "Digest: sha256:839a42caa14e83d8594ba0b9610b0791c13ef1fc6a229a7d8019679013f55638\n"
                + "7fc0d3cfd331: Pull complete\nnot an id: 5b47e16dde0ag\n"));
  }

  @Test
  void normalize_sizes_becomePlaceholders() {
    assertEquals(
        "<size> (virtual <size>)\n<size> / <size>\nv1.24MBx\n",
        keys("0B (virtual 1.98MB)\n22.9kB / 1.5GiB\nv1.24MBx\n"));
  }

  @ParameterizedTest
  @ValueSource(ints = {32768, 49153, 60999})
  void normalize_ephemeralHostPorts_becomePlaceholders(int port) {
    assertEquals(
        "0.0.0.0:<port>->80/tcp, :::<port>->80/tcp\n80/tcp -> 0.0.0.0:<port>\n"
            + "\"HostPort\": \"<port>\"\n",
        keys(
            "0.0.0.0:%1$d->80/tcp, :::%1$d->80/tcp\n80/tcp -> 0.0.0.0:%1$d\n\"HostPort\": \"%1$d\"\n"
                .formatted(port)));
  }

  @ParameterizedTest
  @ValueSource(ints = {8080, 32767, 61000})
  void normalize_portsChosenByTheLearner_stay(int port) {
    String text = "0.0.0.0:%1$d->80/tcp, :::%1$d->80/tcp\n\"HostPort\": \"%1$d\"\n".formatted(port);
    assertEquals(text, keys(text));
  }

  @Test
  void normalize_compactedPortRanges_hideBothEnds() {
    assertEquals(
        "0.0.0.0:<port>-<port>->80-81/tcp\n0.0.0.0:8000-8001->80-81/tcp\n",
        keys("0.0.0.0:32768-32769->80-81/tcp\n0.0.0.0:8000-8001->80-81/tcp\n"));
  }

  @Test
  void normalize_realTopWithPsOptions_hidesWhatTheHostMeasured() {
    assertEquals(
        "USER | PID | %CPU | %MEM | VSZ | RSS | TTY | STAT | START | TIME | COMMAND\n"
            + "root | <pid> | <pct> | <pct> | <kib> | <kib> | ? | Ss | <time> | 0:00 | sleep 1000\n",
        keys(CompareFixtures.engine("top-aux").stdout()));
  }

  @Test
  void normalize_ipAddresses_stay() {
    // Bridge addresses are handed out in order on both engines: part of what the course teaches.
    String text = "172.17.0.2\n64 bytes from 172.17.0.3: seq=0 ttl=64\n";
    assertEquals(text, keys(text));
  }

  @Test
  void normalize_generatedNames_inNamesColumn_becomePlaceholders_butChosenNamesStay() {
    String ps =
        "CONTAINER ID   NAMES\n"
            + "0ee2121eeec4   zen_elgamal\n"
            + "62413ffb020b   dl-cmp-a\n"
            + "62413ffb020c   my_web2x\n";
    assertEquals(
        "CONTAINER ID | NAMES\n<id> | <name>\n<id> | dl-cmp-a\n<id> | my_web2x\n", keys(ps));
  }

  @Test
  void normalize_nameColumnOfNetworks_staysEvenWhenItLooksGenerated() {
    String networks =
        "NETWORK ID     NAME      DRIVER    SCOPE\n3c834a48850a   my_net    bridge    local\n";
    assertEquals(
        "NETWORK ID | NAME | DRIVER | SCOPE\n<id> | my_net | bridge | local\n", keys(networks));
  }

  @Test
  void normalize_knownGeneratedNames_becomePlaceholdersAnywhere() {
    OutputNormalizer known = new OutputNormalizer(Set.of("zen_elgamal", "admiring_morse"));
    assertEquals(
        known.keys(CompareFixtures.engine("ps-format").stdout()),
        known.keys(CompareFixtures.simulator("ps-format").stdout()));
    assertEquals(
        "<name> <time> <time> ago\n",
        known.keys("zen_elgamal 2026-11-23 11:54:08 +0000 UTC 3 seconds ago\n"));
    assertEquals("zen_elgamalx\n", known.keys("zen_elgamalx\n"));
  }

  @Test
  void normalize_topPidsAndStartTimes_becomePlaceholders_butCpuTimeStays() {
    assertEquals(
        "UID | PID | PPID | C | STIME | TTY | TIME | CMD\n"
            + "root | <pid> | <pid> | 0 | <time> | ? | 00:00:07 | dd if=/dev/zero of=/dev/null\n",
        keys(
            "UID                 PID                 PPID                C                   STIME"
                + "               TTY                 TIME                CMD\n"
                + "root                9382                9362                0                   11:54"
                + "               ?                   00:00:07            dd if=/dev/zero of=/dev/null\n"));
  }

  @Test
  void normalize_columnWidths_doNotCount() {
    assertEquals(
        keys("NAME   STATUS\nweb    Up 2 seconds\n"),
        keys("NAME          STATUS\nweb           Up Less than a second\n"));
  }

  @Test
  void normalize_emptyCells_stillCount() {
    String exited = "STATUS       PORTS     NAMES\nExited (0)             web\n";
    String withPort = "STATUS       PORTS     NAMES\nExited (0)   80/tcp    web\n";
    assertEquals("Exited (0) |  | web", normalizer.normalize(exited).get(1).key());
    assertNotEquals(keys(exited), keys(withPort));
  }

  @Test
  void normalize_upperCaseLineInTheMiddle_isNotATable() {
    String logs = "starting\nHELLO  WORLD\nbye    now\n";
    assertEquals(logs, keys(logs));
  }

  @Test
  void normalize_recordsWhatItReplaced_perLine() {
    List<Line> lines = normalizer.normalize("5b47e16dde0a   3 seconds ago   1.2MB\nplain\n");
    assertEquals(Set.of(Kind.ID, Kind.TIME, Kind.SIZE), lines.get(0).replaced());
    assertEquals(Set.of(), lines.get(1).replaced());
    assertEquals("5b47e16dde0a   3 seconds ago   1.2MB", lines.get(0).raw());
  }

  @Test
  void normalize_trailingSpaces_doNotCount_andNoFinalEmptyLine() {
    assertEquals(List.of("a"), normalizer.normalize("a   \n").stream().map(Line::key).toList());
  }

  @Test
  void normalize_copyContentHashes_becomeDigests() {
    OutputNormalizer n = OutputNormalizer.standard();
    assertEquals(
        n.keys("/bin/sh -c #(nop) COPY file:6b5e29b28aba1da3… in /\n"),
        n.keys("/bin/sh -c #(nop) COPY file:7d1b8e6c9123955c… in /\n"));
  }
}
