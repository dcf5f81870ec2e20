package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
  @TempDir Path home;
  private final List<String> notes = new ArrayList<>();
  private final Messages en = Messages.forLanguage("en").orElseThrow();

  @Test
  void prepare_ofAGoodFile_keepsIt_andSaysNothing() throws Exception {
    Files.writeString(home.resolve("history"), "docker ps\n");
    assertEquals(Optional.of(home.resolve("history")), HistoryFile.prepare(home, en, notes::add));
    assertEquals(List.of(), notes);
  }

  @Test
  void prepare_ofInvalidUtf8_keepsItAside_andStartsANewOne() throws Exception {
    byte[] damaged = {(byte) 0xff, (byte) 0xfe, 'x', '\n'};
    Files.write(home.resolve("history"), damaged);
    assertEquals(Optional.of(home.resolve("history")), HistoryFile.prepare(home, en, notes::add));
    assertArrayEquals(damaged, Files.readAllBytes(home.resolve("history.damaged")));
    assertEquals(0, Files.size(home.resolve("history")));
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).contains("not UTF-8 text"), notes.get(0));
  }

  @Test
  void prepare_ofADirectory_movesItAside() throws Exception {
    Files.createDirectories(home.resolve("history").resolve("inside"));
    HistoryFile.prepare(home, en, notes::add);
    assertTrue(Files.isDirectory(home.resolve("history.damaged").resolve("inside")));
    assertTrue(Files.isRegularFile(home.resolve("history")));
    assertEquals(1, notes.size());
  }

  @Test
  void prepare_whereNoDirectoryCanBeMade_keepsHistoryInMemory_withOneNote() throws Exception {
    Path blocker = Files.writeString(home.resolve("file"), "");
    assertEquals(Optional.empty(), HistoryFile.prepare(blocker.resolve("home"), en, notes::add));
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).contains("will not be kept"), notes.get(0));
  }

  @Test
  void prepare_inChinese_saysItInChinese() throws Exception {
    Path blocker = Files.writeString(home.resolve("blocker"), "");
    HistoryFile.prepare(
        blocker.resolve("h"), Messages.forLanguage("zh-CN").orElseThrow(), notes::add);
    assertTrue(notes.get(0).contains("不会被保存"), notes.get(0));
  }
}
