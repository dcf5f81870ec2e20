package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void shortId_dropsTheAlgorithm_andKeeps12() {
    assertEquals("57597aee11cd", Ids.shortId("57597aee11cdceca516917a3990251bc13"));
    assertEquals("6fd3c1d2ad7b", Ids.shortId("sha256:6fd3c1d2ad7bd4e5ae3f6f5c"));
    assertEquals("abc", Ids.shortId("abc"));
  }

  @Test
  void psCommand_cutTo20Columns_andQuotedAsGo() {
    // Seen on the real engine: docker ps vs docker ps --no-trunc.
    String cmd = "sh -c 'echo \"hello world\" && sleep 1000'";
    assertEquals("\"sh -c 'echo \\\"hello …\"", Ids.psCommand(cmd, false));
    assertEquals("\"sh -c 'echo \\\"hello world\\\" && sleep 1000'\"", Ids.psCommand(cmd, true));
    assertEquals("\"echo a\\\"b\"", Ids.psCommand("echo a\"b", false));
    assertEquals("\"sh\"", Ids.psCommand("sh", false));
  }

  @Test
  void ellipsis_countsWideCharactersTwice() {
    assertEquals("ab…", Ids.ellipsis("abcdef", 3));
    assertEquals("abc", Ids.ellipsis("abc", 3));
    assertEquals("中…", Ids.ellipsis("中文字", 4));
    assertEquals("中文", Ids.ellipsis("中文", 4));
    assertEquals("a", Ids.ellipsis("abc", 1));
    assertEquals("", Ids.ellipsis("abc", 0));
  }
}
