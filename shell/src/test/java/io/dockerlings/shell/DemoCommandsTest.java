package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.demo.DemoCatalog;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandsTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private DemoCommands commands(String keys) {
    SimulatorBackend sim = new SimulatorBackend(SimulatorOptions::defaults);
    RealBackend real =
        new RealBackend(new EngineLocator(), () -> RealOptions.in(dir.resolve("real")));
    Modes modes = new Modes(sim, real, sim, "sim");
    StreamConsole console =
        new StreamConsole(
            new BufferedReader(new StringReader(keys)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new DemoCommands(modes, console, dir, DemoPresenter.Pace.instant(1));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void list_printsOneDemoALineNameFirst() {
    commands("").demo(List.of("list"), Lang.EN);
    List<String> lines = out().lines().toList();
    assertEquals(DemoCatalog.NAMES.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertTrue(lines.get(i).startsWith(DemoCatalog.NAMES.get(i) + " "), lines.get(i));
    }
  }

  @Test
  void export_withoutARun_writesBothFormatsFromTheModel() throws Exception {
    DemoCommands c = commands("");
    c.demo(List.of("export", "oom", "--format", "md"), Lang.EN);
    c.demo(List.of("export", "oom", "--format", "html"), Lang.ZH);
    String md = Files.readString(dir.resolve("oom.md"));
    assertTrue(md.contains("# OOM kill at -m 64m"), md);
    assertTrue(md.contains("Model's answer: 137"), md);
    String html = Files.readString(dir.resolve("oom.html"));
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("模拟器的答案：137"), html);
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("http"), "self-contained: no outside resources");
  }

  @Test
  void export_unknownFormatOrName_isRefusedAndWritesNothing() throws Exception {
    DemoCommands c = commands("");
    c.demo(List.of("export", "oom", "--format", "pdf"), Lang.EN);
    c.demo(List.of("export", "nothing", "--format", "md"), Lang.EN);
    assertTrue(err().contains("usage: demo export NAME --format md|html"), err());
    assertTrue(err().contains("no demo or file called nothing"), err());
    try (var files = Files.list(dir)) {
      assertEquals(0, files.filter(p -> p.toString().endsWith(".md")).count());
    }
  }

  @Test
  void demo_teachersFile_runsWhenValidAndListsEveryErrorWhenNot() throws Exception {
    Files.writeString(
        dir.resolve("mine.yaml"),
        "id: mine\ntitle: {en: Mine, zh: 我的}\nteaches: {en: t, zh: 教}\nsteps:\n"
            + "  - id: a\n    kind: predict\n    say: {en: s, zh: 说}\n"
            + "    question: {en: q, zh: 问}\n    run: [docker run --name mine1 busybox false]\n"
            + "    measure: {exit-code: mine1}\n");
    Files.writeString(dir.resolve("bad.yaml"), "id: bad\nsteps:\n  - id: a\n    kind: dance\n");
    Files.writeString(
        dir.resolve("refused.yaml"),
        Files.readString(dir.resolve("mine.yaml")).replace("--name mine1", "--name x"));
    commands("\n\n").demo(List.of("mine.yaml"), Lang.EN);
    assertTrue(out().contains("model's answer: 1"), out());
    commands("").demo(List.of("bad.yaml"), Lang.EN);
    assertTrue(err().contains("bad.yaml:1: missing title"), err());
    assertTrue(err().contains("bad.yaml:4: 'dance' is not one of do, predict"), err());
    commands("").demo(List.of("refused.yaml"), Lang.EN);
    assertTrue(err().contains("step a: docker refused docker run --name x"), err());
    assertTrue(err().contains("step a: the model cannot read its measure"), err());
  }

  @Test
  void show_picturesAndErrors() {
    DemoCommands c = commands("");
    c.show(List.of("net"), Lang.EN);
    assertTrue(out().contains("bridge (docker0)"), out());
    c.show(List.of("layers", "busybox"), Lang.ZH);
    assertTrue(out().contains("镜像 busybox 的层"), out());
    c.show(List.of("mounts", "ghost"), Lang.EN);
    assertTrue(err().contains("no container called ghost"), err());
  }

  @Test
  void demoValidate_inTheRepl_checksAFileInTheCurrentDirectory() throws Exception {
    Files.writeString(
        dir.resolve("ok.yaml"),
        "id: ok\ntitle: {en: Ok, zh: 好}\nteaches: {en: t, zh: 教}\nsteps:\n"
            + "  - id: a\n    kind: do\n    say: {en: s, zh: 说}\n"
            + "    solution: [docker run --name ok1 busybox true]\n");
    Files.writeString(dir.resolve("bad.yaml"), "id: bad\nsteps: []\n");
    commands("").demo(List.of("validate", "ok.yaml"), Lang.EN);
    assertTrue(out().contains("1 demo files, 0 problems"), out());
    commands("").demo(List.of("validate", "bad.yaml"), Lang.EN);
    assertTrue(err().contains("bad.yaml:1: missing title"), err());
  }

  @Test
  void demo_fileThatCannotBeRead_isSaidInTheLearnersLanguage() throws Exception {
    Files.write(dir.resolve("broken.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
    commands("").demo(List.of("broken.yaml"), Lang.ZH);
    assertTrue(err().contains("demo：无法读取 "), err());
    commands("").demo(List.of("broken.yaml"), Lang.EN);
    assertTrue(err().contains("demo: cannot read "), err());
  }
}
