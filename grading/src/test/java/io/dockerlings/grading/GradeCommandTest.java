package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.model.Exercise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new GradeCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of(args));
  }

  private Path classOf() throws IOException {
    Path yaml = GradingFixtures.write(dir, "web.yaml", GradingFixtures.WEB);
    Exercise web = GradingFixtures.web();
    Path subs = Files.createDirectories(dir.resolve("subs"));
    GradingFixtures.write(
        subs, "alice.jsonl", GradingFixtures.submission(web, "alice", web.solution()));
    GradingFixtures.write(
        subs, "bob.jsonl", GradingFixtures.submission(web, "bob", web.wrong().get(0).commands()));
    GradingFixtures.write(
        subs,
        "carol.jsonl",
        GradingFixtures.submission(
            web, "carol", List.of("docker run --name web busybox", "docker rm nope")));
    String dan = GradingFixtures.submission(web, "dan", web.solution());
    GradingFixtures.write(subs, "dan.jsonl", dan.substring(0, dan.length() / 2));
    GradingFixtures.write(subs, "erin.jsonl", "");
    GradingFixtures.write(subs, "notes.txt", "not a submission");
    return yaml;
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void run_classDirectory_writesEveryReportAndExitsZero() throws IOException {
    Path yaml = classOf();
    Path o = dir.resolve("out");
    assertEquals(
        0,
        run(yaml.toString(), dir.resolve("subs").toString(), "--out", o.toString()),
        err.toString());
    String csv = Files.readString(o.resolve("gradebook.csv"));
    assertTrue(
        csv.startsWith(
            "file,learner,score,max,flag,overridden,web-running,published,no-privileged,disagreements,"
                + "notes\r\n"),
        csv);
    assertTrue(csv.contains("alice,alice,6,6,,,3,2,1,"), csv);
    assertTrue(csv.contains("dan,dan,0,6,truncated,"), csv);
    assertTrue(csv.contains("erin,erin,0,6,empty,"), csv);
    assertEquals(6, csv.lines().count());
    assertTrue(Files.readString(o.resolve("canvas.csv")).contains("Points Possible"));
    assertTrue(Files.readString(o.resolve("moodle.csv")).startsWith("username,web,feedback"));
    String junit = Files.readString(o.resolve("junit/bob.xml"));
    assertTrue(junit.contains("<failure"), junit);
    assertTrue(junit.contains("hidden check 1"), junit);
    String page = Files.readString(o.resolve("feedback/carol.html"));
    assertTrue(page.contains("docker rm nope"), page);
    assertTrue(page.contains("mark failed"), page);
    assertTrue(!page.contains("no privileged mode"), "a hidden check's reason must not show");
    String summary = Files.readString(o.resolve("summary.html"));
    assertTrue(summary.contains("<svg"), summary);
    assertTrue(
        !summary.contains("http://")
            || summary.indexOf("http://") == summary.indexOf("http://www.w3.org/2000/svg"));
    assertTrue(summary.contains("the transcript is cut short"), summary);
    assertTrue(Files.exists(o.resolve("feedback/alice.md")));
    assertTrue(Files.readString(o.resolve("classroom/alice.json")).contains("\"max_score\":6"));
  }

  @Test
  void run_twiceAndWithOtherJobCounts_givesByteIdenticalReports() throws IOException {
    Path yaml = classOf();
    String subs = dir.resolve("subs").toString();
    assertEquals(
        0, run(yaml.toString(), subs, "--out", dir.resolve("a").toString(), "--jobs", "1"));
    assertEquals(
        0, run(yaml.toString(), subs, "--out", dir.resolve("b").toString(), "--jobs", "4"));
    Map<String, byte[]> a = tree(dir.resolve("a"));
    Map<String, byte[]> b = tree(dir.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
  }

  @Test
  void run_zhCN_writesChinesePages() throws IOException {
    Path yaml = classOf();
    Path o = dir.resolve("zh");
    assertEquals(
        0,
        run(
            yaml.toString(),
            dir.resolve("subs").toString(),
            "--out",
            o.toString(),
            "--lang",
            "zh-CN"));
    String summary = Files.readString(o.resolve("summary.html"));
    assertTrue(summary.contains("分数分布"), summary);
    assertTrue(summary.contains("lang=\"zh-CN\""));
    assertTrue(Files.readString(o.resolve("feedback/bob.html")).contains("一个网页服务器"));
  }

  @Test
  void run_overrides_areMergedAndMarked() throws IOException {
    Path yaml = classOf();
    Path csv =
        GradingFixtures.write(
            dir,
            "o.csv",
            "learner,check,points,comment\nbob,published,2,port checked by hand\nbob,nosuch,1,\n");
    Path o = dir.resolve("ov");
    assertEquals(
        0,
        run(
            yaml.toString(),
            dir.resolve("subs").toString(),
            "--out",
            o.toString(),
            "--overrides",
            csv.toString()));
    assertTrue(Files.readString(o.resolve("gradebook.csv")).contains("bob,bob,6,6,,published,"));
    assertTrue(Files.readString(o.resolve("feedback/bob.html")).contains("port checked by hand"));
    assertTrue(err.toString().contains("no check 'nosuch'"), err.toString());
  }

  @Test
  void run_badUsage_exitsTwoWithoutWriting() throws IOException {
    assertEquals(2, run());
    assertEquals(2, run("web"));
    assertEquals(2, run("no-such-exercise", dir.toString()));
    Path yaml = classOf();
    assertEquals(2, run(yaml.toString(), dir.toString(), "--jobs", "0"));
    assertEquals(2, run(yaml.toString(), dir.toString(), "--backend", "k8s"));
    assertEquals(2, run(yaml.toString(), dir.toString(), "--frobnicate", "x"));
    assertEquals(
        1,
        run(
            yaml.toString(),
            dir.resolve("missing").toString(),
            "--out",
            dir.resolve("x").toString()));
  }

  private int runWith(RealEngines engines, String... args) {
    return new GradeCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            engines)
        .run(List.of(args));
  }

  @Test
  void run_realWithoutAnEngine_exitsOneWithTheReason() throws IOException {
    Path yaml = classOf();
    Path o = dir.resolve("none");
    assertEquals(
        1,
        runWith(
            RealEngines.none("no Docker engine answered"),
            yaml.toString(),
            dir.resolve("subs").toString(),
            "--backend",
            "real",
            "--out",
            o.toString()));
    assertTrue(
        err.toString().contains("--backend real: no Docker engine answered"), err.toString());
    assertTrue(!Files.exists(o));
  }

  @Test
  void run_realWhenTheEngineLacksAnImage_refusesTheExerciseWithTheReason() throws IOException {
    Path subs = Files.createDirectories(dir.resolve("web-subs"));
    Path o = dir.resolve("refused");
    assertEquals(
        2,
        runWith(
            (s, limits) -> RealEngines.Opened.of(new StandInEngine()),
            "web-on-8080",
            subs.toString(),
            "--backend",
            "real",
            "--out",
            o.toString()));
    assertTrue(
        err.toString().contains("web-on-8080 needs nginx:latest, which the engine does not have"),
        err.toString());
    assertTrue(!Files.exists(o));
  }

  @Test
  void run_realWhereTheEngineDisagrees_reportsItPerCheck() throws IOException {
    Path yaml = classOf();
    Path o = dir.resolve("real");
    // An engine on which a container named web already exists: the learner's run of web fails
    // there, while it succeeds on the simulator.
    RealEngines busy =
        (s, limits) -> {
          StandInEngine e = new StandInEngine();
          e.sim.execute(List.of("docker", "create", "--name", "web", "busybox"), "");
          return RealEngines.Opened.of(e);
        };
    assertEquals(
        0,
        runWith(
            busy,
            yaml.toString(),
            dir.resolve("subs").toString(),
            "--backend",
            "real",
            "--out",
            o.toString()),
        err.toString());
    String json = Files.readString(o.resolve("gradebook.json"));
    assertTrue(json.contains("\"backend\" : \"real\""), json);
    assertTrue(json.contains("\"check\" : \"web-running\""), json);
    String csv = Files.readString(o.resolve("gradebook.csv"));
    assertTrue(csv.contains("alice,alice,2,6,,,1,0,1,web-running engine 1 simulator 3"), csv);
    String junit = Files.readString(o.resolve("junit/alice.xml"));
    assertTrue(junit.contains("<property name=\"disagreements\" value=\"2\"/>"), junit);
    assertTrue(junit.contains("<property name=\"simulator-points\" value=\"3\"/>"), junit);
    assertTrue(
        junit.contains("the real engine gave 1 of 3; the simulator gave 3 of 3</system-out>"),
        junit);
    String page = Files.readString(o.resolve("feedback/alice.html"));
    assertTrue(page.contains("the simulator gave 3 of 3"), page);
    assertTrue(page.contains("web-running (3 → 1)"), page);
    String summary = Files.readString(o.resolve("summary.html"));
    assertTrue(summary.contains("Checks the real engine scored otherwise"), summary);
    assertTrue(summary.contains("alice (3 → 1)"), summary);
  }

  @Test
  void run_realWhereTheEngineAgrees_reportsNoDisagreement() throws IOException {
    Path yaml = classOf();
    Path o = dir.resolve("agree");
    assertEquals(
        0,
        runWith(
            (s, limits) -> RealEngines.Opened.of(new StandInEngine()),
            yaml.toString(),
            dir.resolve("subs").toString(),
            "--backend",
            "real",
            "--out",
            o.toString()),
        err.toString());
    String json = Files.readString(o.resolve("gradebook.json"));
    assertTrue(json.contains("\"disagreements\" : [ ]"), json);
    assertTrue(!json.contains("\"check\" : \"web-running\""), json);
    assertTrue(Files.readString(o.resolve("gradebook.csv")).contains("alice,alice,6,6,,,3,2,1,,"));
    assertTrue(!Files.readString(o.resolve("summary.html")).contains("scored otherwise"));
    String junit = Files.readString(o.resolve("junit/alice.xml"));
    assertTrue(junit.contains("<property name=\"disagreements\" value=\"0\"/>"), junit);
    assertTrue(!junit.contains("simulator-points"), junit);
    assertTrue(!junit.contains("<system-out>"), junit);
  }

  @Test
  void parse_limitFlags_asTheInstructorTypesThem() {
    GradeCommand.Options o =
        GradeCommand.parse(
            List.of(
                "oom-cap",
                "subs",
                "--limit-memory",
                "256m",
                "--limit-pids",
                "64",
                "--limit-cpus",
                "0.5"));
    assertEquals(new GradingLimits(256L << 20, 64, 500_000_000L), o.limits());
    assertEquals(GradingLimits.DEFAULTS, GradeCommand.parse(List.of("oom-cap", "subs")).limits());
    assertEquals(
        new GradingLimits(0, 256, 1_000_000_000L),
        GradeCommand.parse(List.of("oom-cap", "subs", "--limit-memory", "none")).limits());
  }

  @Test
  void run_badLimit_isAUsageError() {
    assertEquals(2, runWith(RealEngines.none("unused"), "oom-cap", "subs", "--limit-pids", "lots"));
    assertTrue(
        err.toString().contains("--limit-pids takes a number from 8 to 1000000, or none"),
        err.toString());
  }

  @Test
  void run_help_describesTheCeilings_inEnglishAndChinese() {
    assertEquals(0, runWith(RealEngines.none("unused"), "--help"));
    assertTrue(out.toString().contains("--limit-memory SIZE"), out.toString());
    assertTrue(out.toString().contains("(default 512m)"), out.toString());
    assertEquals(0, runWith(RealEngines.none("unused"), "--help", "--lang", "zh-CN"));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("每个容器的进程数（默认 256）"),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_badLimit_inChinese_saysWhatTheOptionTakes() {
    GradeCommand c =
        new GradeCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(
        2, c.run(List.of("oom-cap", "subs", "--limit-cpus", "lots"), Map.of("LANG", "zh_CN")));
    String zh = err.toString(StandardCharsets.UTF_8);
    assertTrue(zh.contains("dockerlings grade：--limit-cpus 取 0.01 到 1024 个 CPU，或 none\n"), zh);
    assertTrue(zh.contains("[--limit-memory 大小]"), zh);
  }

  @Test
  void run_badUsage_speaksTheLanguageOfLangOrTheLocale() {
    GradeCommand c =
        new GradeCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, c.run(List.of("web", "--frobnicate", "x", "--lang", "zh-CN"), Map.of()));
    String zh = err.toString(StandardCharsets.UTF_8);
    assertTrue(zh.contains("dockerlings grade：没有 --frobnicate 这个选项\n"), zh);
    assertTrue(zh.contains("用法：dockerlings grade"), zh);
    err.reset();
    assertEquals(2, c.run(List.of("--jobs", "0"), Map.of("LANG", "zh_CN.UTF-8")));
    zh = err.toString(StandardCharsets.UTF_8);
    assertTrue(zh.contains("dockerlings grade：--jobs 取 1 到 256 之间的数\n"), zh);
    err.reset();
    assertEquals(2, c.run(List.of("web"), Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "C")));
    String en = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        en.contains("dockerlings grade: name an exercise and a directory of submissions\n"), en);
    assertTrue(en.contains("usage: dockerlings grade"), en);
  }
}
