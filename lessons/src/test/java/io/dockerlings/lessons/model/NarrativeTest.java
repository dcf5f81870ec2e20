package io.dockerlings.lessons.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dockerlings.lessons.state.Sandbox;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import org.junit.jupiter.api.Test;

class NarrativeTest {
  @Test
  void render_fillsContainerImageAndHostNames_withoutEscaping() {
    Sandbox s = new Sandbox().ok("docker run -d --name web busybox sleep 100");
    Narrative n = new Narrative();
    Text t =
        new Text(
            "web <{{container.web.ip}}> runs {{container.web.image}} ({{image.busybox.layers}}"
                + " layer) on {{host.cpus}} CPUs",
            "web 的地址是 {{container.web.ip}}");
    assertEquals(
        "web <172.17.0.2> runs busybox (1 layer) on 4 CPUs", n.render(t, Lang.EN, s.state()));
    assertEquals("web 的地址是 172.17.0.2", n.render(t, Lang.ZH, s.state()));
    assertEquals(12, n.render(Text.same("{{container.web.id}}"), Lang.EN, s.state()).length());
  }

  @Test
  void render_unknownNameIsEmpty_andBrokenTemplateIsShownAsIs() {
    Sandbox s = new Sandbox();
    Narrative n = new Narrative();
    assertEquals("ip: ", n.render(Text.same("ip: {{container.nope.ip}}"), Lang.EN, s.state()));
    assertEquals("{{#x}}", n.render(Text.same("{{#x}}"), Lang.EN, s.state()));
    assertFalse(n.compiles(Text.same("{{#x}}")));
  }
}
