package io.dockerlings.lessons.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertEquals(
        "{{container.web.ip}", n.render(Text.same("{{container.web.ip}"), Lang.EN, s.state()));
  }

  @Test
  void render_goTemplateInNarrative_isPrintedVerbatim_inBothLanguages() {
    Sandbox s = new Sandbox().ok("docker run -d --name web busybox sleep 100");
    Narrative n = new Narrative();
    Text t =
        new Text(
            "Find its PID: docker inspect -f '{{.State.Pid}}' web (at {{container.web.ip}}).",
            "查它的 PID：docker inspect -f '{{.State.Pid}}' web（地址 {{ container.web.ip }}）。");
    assertEquals(
        "Find its PID: docker inspect -f '{{.State.Pid}}' web (at 172.17.0.2).",
        n.render(t, Lang.EN, s.state()));
    assertEquals(
        "查它的 PID：docker inspect -f '{{.State.Pid}}' web（地址 172.17.0.2）。",
        n.render(t, Lang.ZH, s.state()));
    String loop =
        "docker inspect -f '{{range .Mounts}}{{.Type}} {{.Source}}{{println}}{{end}}' web";
    assertEquals(loop, n.render(Text.same(loop), Lang.EN, s.state()));
  }

  @Test
  void everyShippedNarrative_renders_andKeepsEveryBraceThatIsNotANarrativeTag() {
    Sandbox s = new Sandbox();
    Narrative n = new Narrative();
    java.util.regex.Pattern ours =
        java.util.regex.Pattern.compile("\\{\\{\\s*(container|image|host)\\.[^{}\\s]+\\s*}}");
    int texts = 0;
    for (Lesson l : Course.of(Course.builtIn()).lessons()) {
      for (Step step : l.steps()) {
        java.util.List<Text> all = new java.util.ArrayList<>(java.util.List.of(step.say()));
        if (step instanceof Step.Predict p) {
          all.add(p.question());
        } else if (step instanceof Step.Quiz q) {
          all.add(q.question());
        }
        for (Text t : all) {
          for (Lang lang : Lang.values()) {
            String src = t.in(lang);
            String kept = ours.matcher(src).replaceAll("");
            String out = n.render(t, lang, s.state());
            assertEquals(
                kept.split("\\{\\{", -1).length,
                out.split("\\{\\{", -1).length,
                l.id() + "/" + step.id() + " " + lang + ": " + out);
            texts++;
          }
        }
      }
    }
    assertFalse(texts < 300, "every step's narrative was rendered: " + texts);
    String pid =
        n.render(
            Course.of(Course.builtIn()).lesson("m3-namespaces").orElseThrow().steps().stream()
                .filter(st -> st.id().equals("exec-ps"))
                .findFirst()
                .orElseThrow()
                .say(),
            Lang.ZH,
            s.state());
    assertTrue(pid.contains("docker inspect -f '{{.State.Pid}}' ns1"), pid);
  }
}
