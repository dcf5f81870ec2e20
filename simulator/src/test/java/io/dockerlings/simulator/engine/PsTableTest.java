package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsTableTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  // PID 1 (host 101, child of the shim 100) forked a background sleep (102); exec made 103.
  private static final List<PsTable.Proc> PROCS =
      List.of(
          new PsTable.Proc(101, 100, 0, "root", T0, "sleep 2000", false, false),
          new PsTable.Proc(102, 101, 0, "root", T0, "sleep 1000", false, false),
          new PsTable.Proc(103, 100, 0, "root", T0.plusSeconds(5), "sleep 999", false, false));

  private static List<List<String>> top(String... args) {
    return PsTable.top(List.of(args), PROCS, T0.plusSeconds(65));
  }

  @Test
  void top_ef_printsTheFullFormatWithUserNames() {
    assertEquals(
        List.of(
            List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"),
            List.of("root", "101", "100", "0", "10:00", "?", "00:00:00", "sleep 2000")),
        top("-ef").subList(0, 2));
  }

  @Test
  void top_aux_printsTheBsdUserFormat() {
    List<List<String>> t = top("aux");
    assertEquals(
        List.of(
            "USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"),
        t.get(0));
    assertEquals("Ss", t.get(1).get(7));
    assertEquals("S", t.get(2).get(7));
    assertEquals("sleep 1000", t.get(2).get(10));
  }

  @Test
  void top_jobs_forkedChildStaysInItsParentsSession() {
    List<List<String>> t = top("-o", "pid,pgid,sid,etime");
    assertEquals(List.of("101", "101", "101", "01:05"), t.get(1));
    assertEquals(List.of("102", "101", "101", "01:05"), t.get(2));
    assertEquals(List.of("103", "103", "103", "01:00"), t.get(3));
  }

  @Test
  void top_emptyHeader_joinsTheWholeLineIntoOneColumn() {
    List<List<String>> t = top("-o", "pid,cmd=");
    assertEquals(List.of("PID"), t.get(0));
    assertEquals(List.of("101 sleep 2000"), t.get(1));
  }

  @Test
  void top_withoutPidColumn_fails() {
    DockerException e = assertThrows(DockerException.class, () -> top("-o", "comm"));
    assertEquals(
        "Error response from daemon: Couldn't find PID field in ps output", e.getMessage());
  }

  @Test
  void top_unknownSpecifier_reportsPsError() {
    DockerException e = assertThrows(DockerException.class, () -> top("-o", "pid,bogus"));
    assertEquals(
        "Error response from daemon: ps: error: unknown user-defined format specifier \"bogus\"",
        e.getMessage());
  }

  @Test
  void top_sortDescending_reversesPidOrder() {
    List<List<String>> t = top("-o", "pid", "--sort=-pid");
    assertEquals(List.of(List.of("PID"), List.of("103"), List.of("102"), List.of("101")), t);
  }
}
