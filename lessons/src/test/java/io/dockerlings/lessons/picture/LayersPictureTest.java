package io.dockerlings.lessons.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayersPictureTest {
  private static final List<EngineView.Step> STEPS =
      List.of(
          new EngineView.Step("/bin/sh -c #(nop) ADD file:abc in / ", 1_000_000, false),
          new EngineView.Step("/bin/sh -c #(nop) COPY file:def in /app/ ", 20, false),
          new EngineView.Step("/bin/sh -c echo hi > /etc/motd", 3, false),
          new EngineView.Step("/bin/sh -c #(nop)  CMD [\"sh\"]", 0, true));

  @Test
  void layerOf_findsTheCopyOrRunThatMadeAPathElseTheBase() {
    List<EngineView.Step> layers = STEPS.stream().filter(s -> !s.emptyLayer()).toList();
    assertEquals(2, LayersPicture.layerOf(layers, "/app/app.py"));
    assertEquals(3, LayersPicture.layerOf(layers, "/etc/motd"));
    assertEquals(1, LayersPicture.layerOf(layers, "/bin/sh"));
  }

  @Test
  void instruction_readsHistoryLinesAsDockerfileInstructions() {
    assertEquals("RUN echo hi > /etc/motd", LayersPicture.instruction(STEPS.get(2).createdBy()));
    assertEquals("CMD [\"sh\"]", LayersPicture.instruction(STEPS.get(3).createdBy()));
  }
}
