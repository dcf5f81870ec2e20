package io.dockerlings.lessons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.text.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteTest {
  private final ErrorMatch match =
      ErrorCatalogue.load().match("docker: 'rnu' is not a docker command.\n").orElseThrow();

  @Test
  void didYouMean_listsTheCandidates_inBothLanguages() {
    Note n = new Note(match, List.of("docker run", "docker rm"));
    assertEquals(
        new Text("Did you mean docker run or docker rm?", "你是不是想输入 docker run 或 docker rm？"),
        n.didYouMean().orElseThrow());
    assertEquals("m2-lifecycle", n.lesson());
  }

  @Test
  void didYouMean_withoutCandidates_isEmpty() {
    assertTrue(new Note(match, List.of()).didYouMean().isEmpty());
  }
}
