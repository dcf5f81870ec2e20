package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected outputs were printed by docker 20.10 for the same cells. */
class TabWriterTest {
  private static String docker(String text) {
    return TabWriter.docker().format(text);
  }

  @Test
  void docker_emptyPsTable_padsHeaderCellsToMinimumTen() {
    assertEquals(
        "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n",
        docker("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n"));
  }

  @Test
  void docker_psRows_widenColumnsToLongestCellPlusThree() {
    String in =
        "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n"
            + "c588610cd9c5\tbusybox\t\"echo <tag>\"\t1 second ago\tCreated\t\tdl-template-x\n"
            + "5e6894de8468\tbusybox\t\"sh -c 'echo hi'\"\t2 seconds ago\tExited (0) 1 second ago\t\t"
            + "dl-template-very-long-container-name\n"
            + "1e9753f38aac\tbusybox\t\"sleep 3600\"\t2 seconds ago\tUp 1 second\t\tdl-template-a\n";
    assertEquals(
        "CONTAINER ID   IMAGE     COMMAND             CREATED         STATUS                    PORTS"
            + "     NAMES\n"
            + "c588610cd9c5   busybox   \"echo <tag>\"        1 second ago    Created                 "
            + "            dl-template-x\n"
            + "5e6894de8468   busybox   \"sh -c 'echo hi'\"   2 seconds ago   Exited (0) 1 second ago "
            + "            dl-template-very-long-container-name\n"
            + "1e9753f38aac   busybox   \"sleep 3600\"        2 seconds ago   Up 1 second             "
            + "            dl-template-a\n",
        docker(in));
  }

  @Test
  void docker_lineWithExtraCell_sharesEarlierColumnBlocksOnly() {
    String in =
        "NAMES\tIMAGE\tSTATE\n"
            + "dl-template-u\tbusybox\tcreated\n"
            + "dl-template-x\tbusybox\tcreated\n"
            + "dl-template-very-long-container-name\tbusybox\texited\n"
            + "dl-template-a\t1e9753f38aac\tbusybox\trunning\n";
    assertEquals(
        "NAMES                                  IMAGE          STATE\n"
            + "dl-template-u                          busybox        created\n"
            + "dl-template-x                          busybox        created\n"
            + "dl-template-very-long-container-name   busybox        exited\n"
            + "dl-template-a                          1e9753f38aac   busybox   running\n",
        docker(in));
  }

  @Test
  void docker_lineWithoutTab_splitsTheBlock() {
    String in = "NAME\tX\nvery-long-name-here\tY\nno tabs here\nab\tZ\n";
    assertEquals(
        "NAME                  X\n"
            + "very-long-name-here   Y\n"
            + "no tabs here\n"
            + "ab        Z\n",
        docker(in));
  }

  @Test
  void docker_singleColumn_isNotPadded() {
    assertEquals("NAMES\ndl-template-u\n", docker("NAMES\ndl-template-u\n"));
  }

  @Test
  void docker_widthCountsCodePointsNotBytes() {
    assertEquals(
        "éCONTAINER ID   STATE\néc588610cd9c5   created\n",
        docker("éCONTAINER ID\tSTATE\néc588610cd9c5\tcreated\n"));
  }

  @Test
  void format_trailingTextWithoutNewline_isKeptWithoutNewline() {
    assertEquals("a         b\ncc        d", docker("a\tb\ncc\td"));
  }

  @Test
  void format_emptyCellsInMiddle_arePaddedLikeOthers() {
    assertEquals("a      b\n       c", TabWriter.of(0, 3).format("a\t\tb\n\t\tc"));
  }

  @Test
  void of_twentyThree_matchesDockerTop() {
    assertEquals(
        "UID                 PID                 PPID                C                   STIME"
            + "               TTY                 TIME                CMD\n"
            + "root                9240                9220                0                   05:40"
            + "               ?                   00:00:00            sleep 3600\n",
        TabWriter.of(20, 3)
            .format(
                "UID\tPID\tPPID\tC\tSTIME\tTTY\tTIME\tCMD\n"
                    + "root\t9240\t9220\t0\t05:40\t?\t00:00:00\tsleep 3600\n"));
  }

  @Test
  void docker_historyWithEllipsisAndEmptyLastColumn() {
    assertEquals(
        "IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT\n"
            + "ebc7fe9e173f   44 minutes ago   /bin/sh -c #(nop)  CMD [\"sh\"]                   0B        \n"
            + "7b3d741fb0b1   44 minutes ago   /bin/sh -c #(nop) COPY dir:e8f23cec81b1ce5d7\u2026   1.98MB    \n",
        docker(
            "IMAGE\tCREATED\tCREATED BY\tSIZE\tCOMMENT\n"
                + "ebc7fe9e173f\t44 minutes ago\t/bin/sh -c #(nop)  CMD [\"sh\"]\t0B\t\n"
                + "7b3d741fb0b1\t44 minutes ago\t/bin/sh -c #(nop) COPY dir:e8f23cec81b1ce5d7\u2026"
                + "\t1.98MB\t\n"));
  }

  @Test
  void of_negativeWidth_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> TabWriter.of(-1, 0));
  }
}
