package io.dockerlings.simulator.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  private final Normalizer plain = new Normalizer(false, List.of());

  private static final String ID64 =
      "9e8ddb4f599f858a7ee65584699b8ec78b25fbd2cb555a6c60b0f3415e308861";

  @Test
  void normalizeText_fullId_becomesPlaceholder() {
    assertEquals("<ID>", plain.normalizeText(ID64));
    assertEquals(
        "by container \"<ID>\". You", plain.normalizeText("by container \"" + ID64 + "\". You"));
  }

  @Test
  void normalizeText_digest_keepsItsAlgorithm() {
    assertEquals("Deleted: sha256:<DIGEST>", plain.normalizeText("Deleted: sha256:" + ID64));
  }

  @Test
  void normalizeText_shortIdAndHostname_becomePlaceholder() {
    assertEquals("HOSTNAME=<SHORT-ID>", plain.normalizeText("HOSTNAME=04b014d0ee05"));
    assertEquals("<SHORT-ID>", plain.normalizeText("9e8ddb4f599f"));
  }

  @Test
  void normalizeText_hexOfOtherLengths_staysAsItIs() {
    assertEquals("abcdef12345", plain.normalizeText("abcdef12345"));
    assertEquals("abcdef1234567", plain.normalizeText("abcdef1234567"));
    assertEquals("dl-golden-9e8ddb4f599fx", plain.normalizeText("dl-golden-9e8ddb4f599fx"));
  }

  @Test
  void normalizeText_rfc3339Timestamps_becomePlaceholder() {
    assertEquals("<TIME> line 4", plain.normalizeText("2026-11-23T06:22:00.388569328Z line 4"));
    assertEquals("<TIME>", plain.normalizeText("2026-11-23T06:21:24+02:00"));
    assertEquals(
        "time=\"<TIME>\" level=info",
        plain.normalizeText("time=\"2026-11-23T06:21:37Z\" level=info"));
  }

  @Test
  void normalizeText_zeroTime_isKept() {
    assertEquals(
        "created 0 0001-01-01T00:00:00Z", plain.normalizeText("created 0 0001-01-01T00:00:00Z"));
  }

  @Test
  void normalizeText_goTimeFormat_becomesPlaceholder() {
    assertEquals("<TIME>", plain.normalizeText("2026-11-23 06:21:24 +0000 UTC"));
    assertEquals("<TIME>", plain.normalizeText("2026-11-23 06:21:24.5233 +0000 UTC"));
  }

  @Test
  void normalizeText_relativeDurations_becomePlaceholder() {
    assertEquals("<DUR> ago", plain.normalizeText("Less than a second ago"));
    assertEquals("<DUR> ago", plain.normalizeText("1 second ago"));
    assertEquals("<DUR> ago", plain.normalizeText("42 seconds ago"));
    assertEquals("<DUR> ago", plain.normalizeText("About a minute ago"));
    assertEquals("<DUR> ago", plain.normalizeText("3 weeks ago"));
    assertEquals("Up <DUR>", plain.normalizeText("Up Less than a second"));
    assertEquals("Up <DUR> (Paused)", plain.normalizeText("Up 5 minutes (Paused)"));
    assertEquals("Up <DUR>", plain.normalizeText("Up About an hour"));
  }

  @Test
  void normalizeText_exitedStatus_keepsExitCode() {
    assertEquals("Exited (137) <DUR> ago", plain.normalizeText("Exited (137) 2 seconds ago"));
    assertNotEquals(
        plain.normalizeText("Exited (0) 2 seconds ago"),
        plain.normalizeText("Exited (1) 2 seconds ago"));
  }

  @Test
  void normalizeText_durationsOutsideTimeContext_stayAsTheyAre() {
    assertEquals("sleep 5 seconds", plain.normalizeText("sleep 5 seconds"));
  }

  @Test
  void normalizeText_humanSizes_becomePlaceholder() {
    assertEquals("<SIZE> (virtual <SIZE>)", plain.normalizeText("0B (virtual 1.98MB)"));
    assertEquals("<SIZE>", plain.normalizeText("22.9kB"));
    assertEquals("v1.98MBx", plain.normalizeText("v1.98MBx"));
  }

  @Test
  void forStderr_keepsSizesInErrorMessages_andStillReplacesIds() {
    Normalizer stderr = plain.forStderr();
    assertEquals(
        "Minimum memory limit allowed is 6MB.",
        stderr.normalizeText("Minimum memory limit allowed is 6MB."));
    assertEquals(
        "Container <ID> is not running",
        stderr.normalizeText("Container " + ID64 + " is not running"));
  }

  @Test
  void forStderr_keepsNamesAndExtraRules() {
    Normalizer custom =
        new Normalizer(true, List.of(new Normalizer.Rule(Pattern.compile("x+"), "X")));
    assertEquals("<NAME> X 1MB", custom.forStderr().normalizeText("gifted_leakey xx 1MB"));
  }

  @Test
  void normalizeText_generatedNames_onlyWhenAsked() {
    Normalizer names = new Normalizer(true, List.of());
    assertEquals("gifted_leakey", plain.normalizeText("gifted_leakey"));
    assertEquals("<NAME> Created", names.normalizeText("happy_chatelet Created"));
    assertEquals("dl-golden-x", names.normalizeText("dl-golden-x"));
  }

  @Test
  void normalizeText_extraRules_applyAfterBuiltIns_withLiteralReplacement() {
    Normalizer custom =
        new Normalizer(false, List.of(new Normalizer.Rule(Pattern.compile("^\\d+$"), "$<N>")));
    assertEquals("$<N>", custom.normalizeText("12345"));
    assertEquals("a 12345", custom.normalizeText("a 12345"));
  }

  @Test
  void normalizeOutput_trailingNewline_endsTheLastLine() {
    assertEquals(List.of("a", "b"), plain.normalizeOutput("a\nb\n"));
    assertEquals(List.of("a", "b"), plain.normalizeOutput("a\nb"));
    assertEquals(List.of(), plain.normalizeOutput(""));
    assertEquals(List.of(""), plain.normalizeOutput("\n"));
  }

  @Test
  void normalizeLines_racyContextCanceledLine_isDropped() {
    assertEquals(
        List.of("docker: Error response from daemon: x"),
        plain.normalizeLines(
            List.of(
                "docker: Error response from daemon: x",
                "time=\"2026-11-23T06:21:37Z\" level=error msg=\"error waiting for container:"
                    + " context canceled\"")));
  }

  @Test
  void columnStarts_dockerPsHeader_givesEveryColumn() {
    assertArrayEquals(
        new int[] {0, 15, 25, 40, 55, 79, 89},
        Normalizer.columnStarts(
            "CONTAINER ID   IMAGE     COMMAND        CREATED        STATUS                  PORTS"
                + "     NAMES"));
  }

  @Test
  void columnStarts_nonHeaders_giveNoColumns() {
    assertEquals(0, Normalizer.columnStarts("hello  world").length);
    assertEquals(0, Normalizer.columnStarts("SINGLE").length);
    assertEquals(0, Normalizer.columnStarts("    1 root     sleep").length);
    assertEquals(0, Normalizer.columnStarts("").length);
  }

  /** Lays rows out as docker's tabwriter does: cells padded to column width + 3, at least 10. */
  private static List<String> table(String[]... rows) {
    int columns = rows[0].length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int j = 0; j < columns; j++) {
        widths[j] = Math.max(widths[j], Math.max(row[j].length() + 3, 10));
      }
    }
    return java.util.Arrays.stream(rows)
        .map(
            row -> {
              StringBuilder line = new StringBuilder();
              for (int j = 0; j < columns - 1; j++) {
                line.append(row[j]).append(" ".repeat(widths[j] - row[j].length()));
              }
              return line.append(row[columns - 1]).toString();
            })
        .toList();
  }

  private static final String[] PS_HEADER = {
    "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"
  };

  private static final List<String> REAL_PS =
      List.of(
          "CONTAINER ID   IMAGE     COMMAND            CREATED        STATUS                      "
              + "        PORTS     NAMES",
          "9e8ddb4f599f   busybox   \"sleep 1000\"       1 second ago   Up Less than a second     "
              + "                    dl-golden-ps-running",
          "4b0969e5ad31   busybox   \"sh -c 'exit 2'\"   1 second ago   Exited (2) Less than a sec"
              + "ond ago             dl-golden-ps-exited");

  private static final List<String> OTHER_TIMES_PS =
      table(
          PS_HEADER,
          new String[] {
            "0123456789ab",
            "busybox",
            "\"sleep 1000\"",
            "Less than a second ago",
            "Up 3 seconds",
            "",
            "dl-golden-ps-running"
          },
          new String[] {
            "ba9876543210",
            "busybox",
            "\"sh -c 'exit 2'\"",
            "Less than a second ago",
            "Exited (2) 3 seconds ago",
            "",
            "dl-golden-ps-exited"
          });

  @Test
  void table_helper_reproducesTheRealEngineLayout() {
    assertEquals(
        REAL_PS,
        table(
            PS_HEADER,
            new String[] {
              "9e8ddb4f599f",
              "busybox",
              "\"sleep 1000\"",
              "1 second ago",
              "Up Less than a second",
              "",
              "dl-golden-ps-running"
            },
            new String[] {
              "4b0969e5ad31",
              "busybox",
              "\"sh -c 'exit 2'\"",
              "1 second ago",
              "Exited (2) Less than a second ago",
              "",
              "dl-golden-ps-exited"
            }));
  }

  @Test
  void normalizeLines_tablesWithOtherTimesAndIds_readTheSame() {
    assertEquals(plain.normalizeLines(REAL_PS), plain.normalizeLines(OTHER_TIMES_PS));
  }

  @Test
  void normalizeLines_table_keepsDeterministicPaddingAndShortensVolatileOnes() {
    assertEquals(
        List.of(
            "CONTAINER ID  IMAGE     COMMAND            CREATED  STATUS  PORTS     NAMES",
            "<SHORT-ID>  busybox   \"sleep 1000\"       <DUR> ago  Up <DUR>            "
                + "dl-golden-ps-running",
            "<SHORT-ID>  busybox   \"sh -c 'exit 2'\"   <DUR> ago  Exited (2) <DUR> ago            "
                + "dl-golden-ps-exited"),
        plain.normalizeLines(REAL_PS));
  }

  @Test
  void normalizeLines_deterministicColumnPaddedWrongly_isADifference() {
    List<String> misaligned =
        List.of(
            OTHER_TIMES_PS.get(0).replace("COMMAND            ", "COMMAND             "),
            OTHER_TIMES_PS.get(1).replace("\"sleep 1000\"       ", "\"sleep 1000\"        "),
            OTHER_TIMES_PS.get(2).replace("\"sh -c 'exit 2'\"   ", "\"sh -c 'exit 2'\"    "));
    assertNotEquals(plain.normalizeLines(REAL_PS), plain.normalizeLines(misaligned));
  }

  @Test
  void normalizeLines_rowOutOfLineWithHeader_isADifference() {
    List<String> shifted =
        List.of(OTHER_TIMES_PS.get(0), " " + OTHER_TIMES_PS.get(1), OTHER_TIMES_PS.get(2));
    assertNotEquals(plain.normalizeLines(REAL_PS), plain.normalizeLines(shifted));
  }

  @Test
  void normalizeLines_tableWithoutVolatileCells_isUnchanged() {
    List<String> table =
        List.of(
            "NAMES                  IMAGE     COMMAND",
            "dl-golden-ps-running   busybox   \"sleep 1000\"",
            "dl-golden-ps-created   busybox   \"echo hi\"");
    assertEquals(table, plain.normalizeLines(table));
  }

  @Test
  void normalizeLines_busyboxPsRightAlignedPids_isUnchanged() {
    List<String> ps =
        List.of("PID   USER     COMMAND", "    1 root     sleep 1000", "    6 root     ps");
    assertEquals(ps, plain.normalizeLines(ps));
  }

  @Test
  void normalizeLines_extraRules_applyToEachTableCell() {
    Normalizer top =
        new Normalizer(
            false,
            List.of(
                new Normalizer.Rule(Pattern.compile("^\\d+$"), "<N>"),
                new Normalizer.Rule(Pattern.compile("^\\d\\d:\\d\\d$"), "<STIME>")));
    String header =
        "UID                 PID                 PPID                C                   STIME"
            + "               TTY                 TIME                CMD";
    List<String> real =
        List.of(
            header,
            "root                11987               11968               4                   06:21"
                + "               ?                   00:00:00            sleep 1000");
    List<String> simulated =
        List.of(
            header,
            "root                1                   0                   0                   12:00"
                + "               ?                   00:00:00            sleep 1000");
    List<String> expected =
        List.of(
            "UID                 PID  PPID  C  STIME  TTY                 TIME                CMD",
            "root                <N>  <N>  <N>  <STIME>  ?                   00:00:00           "
                + " sleep 1000");
    assertEquals(expected, top.normalizeLines(real));
    assertEquals(expected, top.normalizeLines(simulated));
  }

  @Test
  void normalizeLines_emptyTable_keepsHeaderExactly() {
    String header = "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES";
    assertEquals(List.of(header), plain.normalizeLines(List.of(header)));
  }
}
