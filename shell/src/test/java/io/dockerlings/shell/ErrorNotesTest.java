package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.errors.Note;
import io.dockerlings.simulator.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorNotesTest {
  private final ErrorNotes notes = new ErrorNotes();
  private final Backend backend = new FakeBackend();

  @Test
  void after_aSuccess_givesNoNote_andKeepsTheLastOne() {
    Note n =
        notes
            .after(
                List.of("docker", "rm", "x"),
                CommandResult.of(1, "", "Error: No such container: x\n"),
                backend)
            .orElseThrow();
    assertTrue(
        notes.after(List.of("docker", "ps"), CommandResult.of(0, "ID\n", ""), backend).isEmpty());
    assertEquals(n, notes.last().orElseThrow());
  }

  @Test
  void brief_fitsTheWidth_inChinese() {
    Note n =
        notes
            .lookUp("Bind for 0.0.0.0:18080 failed: port is already allocated", backend)
            .orElseThrow();
    String s = ErrorNotes.brief(n, Messages.forLanguage("zh-CN").orElseThrow(), 40);
    assertTrue(s.startsWith("» 说明：宿主机端口 18080"), s);
    for (String line : s.split("\n")) {
      assertTrue(Wrap.width(line) <= 40, line);
    }
  }

  @Test
  void full_namesDockersWordsTheCauseTheStepAndTheLesson() {
    Note n = notes.lookUp("Error: No such volume: data", backend).orElseThrow();
    String s = ErrorNotes.full(n, Messages.forLanguage("en").orElseThrow(), 80);
    assertTrue(
        s.startsWith(
            "docker said:\n  Error: No such volume: data\nWhy:\n  There is no volume called data.\n"
                + "What to do:\n  docker volume ls lists them;"),
        s);
    assertTrue(s.endsWith("Lesson:\n  m9-volumes\n"), s);
    for (String line : s.split("\n")) {
      assertTrue(Wrap.width(line) <= 80, line);
    }
  }

  @Test
  void json_hasBothLanguages() {
    Note n = notes.lookUp("Error: No such volume: data", backend).orElseThrow();
    assertEquals("没有名为 data 的数据卷。", ErrorNotes.json(n).get("cause").get("zh-CN").asText());
  }
}
