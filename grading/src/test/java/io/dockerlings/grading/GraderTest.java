package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.Flag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraderTest {
  private final Exercise web = GradingFixtures.web();

  private Grade grade(String text, Overrides o) {
    return new Grader(web, o).grade("alice.jsonl", text.getBytes(StandardCharsets.UTF_8));
  }

  private Grade grade(List<String> lines) {
    return grade(GradingFixtures.submission(web, "alice", lines), Overrides.none());
  }

  @Test
  void grade_referenceSolution_getsFullMarks() {
    Grade g = grade(web.solution());
    assertEquals(6, g.score());
    assertEquals(6, g.max());
    assertEquals(0, g.divergences());
    assertEquals(Optional.empty(), g.flag());
  }

  @Test
  void grade_stoppedContainer_getsPartialCreditWithItsReason() {
    Grade g =
        grade(
            List.of(
                "docker run -d --name web -p 8080:80 busybox httpd -f -p 80", "docker stop web"));
    assertEquals(1 + 2 + 1, g.score());
    assertEquals("web exists but is not running", g.checks().get(0).explanation().en());
    assertTrue(g.checks().get(0).partial());
  }

  @Test
  void grade_privilegedRun_losesTheHiddenCheck() {
    Grade g =
        grade(List.of("docker run -d --privileged --name web -p 8080:80 busybox httpd -f -p 80"));
    assertEquals(5, g.score());
  }

  @Test
  void grade_recordedOutputEdited_isTampered() {
    String s = GradingFixtures.submission(web, "alice", web.solution());
    Grade g = grade(s.replace("\"exit\":0", "\"exit\":1"), Overrides.none());
    assertEquals(Optional.of(Flag.TAMPERED), g.flag());
    assertEquals(0, g.score());
  }

  @Test
  void grade_forgedOutputWithValidChain_isReplayedAndDivergenceReported() {
    // A transcript whose outputs claim something else, chained correctly: the replay decides.
    var t =
        new io.dockerlings.exercises.submission.Transcript("alice", web, "sim", GradingFixtures.T0);
    t.add(
        "docker run -d --name web busybox httpd -f -p 80",
        GradingFixtures.T0,
        0,
        "pretend\n",
        "",
        List.of());
    t.add("docker ps", GradingFixtures.T0, 0, "web published on 8080\n", "", List.of());
    Grade g = grade(t.seal(GradingFixtures.T0), Overrides.none());
    assertEquals(2, g.divergences());
    assertEquals(3 + 1, g.score());
    assertTrue(g.notes().stream().anyMatch(n -> n.en().contains("other than recorded")));
  }

  @Test
  void grade_afterDeadline_isNotedNotZeroed() {
    var t =
        new io.dockerlings.exercises.submission.Transcript("alice", web, "sim", GradingFixtures.T0);
    String late = t.seal(java.time.Instant.parse("2026-12-03T00:00:00Z"));
    Grade g = grade(late, Overrides.none());
    assertTrue(g.notes().stream().anyMatch(n -> n.en().contains("deadline")));
  }

  @Test
  void grade_override_replacesTheCheckAndIsRecorded() {
    Overrides o =
        Overrides.parse("learner,check,points,comment\nalice,published,2,\"used -P, fine\"\n");
    Grade g =
        grade(
            GradingFixtures.submission(
                web, "alice", List.of("docker run -d --name web -P busybox httpd -f -p 80")),
            o);
    assertEquals(6, g.score());
    assertEquals("used -P, fine", g.overrideOf("published").orElseThrow().comment());
  }

  @Test
  void grade_garbageBytes_isZeroWithReason() {
    Grade g = grade("\u0000\u0001 not json", Overrides.none());
    assertEquals(Optional.of(Flag.GARBAGE), g.flag());
    assertEquals(0, g.score());
    assertEquals(3, g.checks().size());
  }

  @Test
  void grade_sessionThatHeardTheSimulatorsNotesInChinese_hasNoDivergence() {
    ReplayClock clock = new ReplayClock(GradingFixtures.T0);
    io.dockerlings.simulator.DockerSimulator sim =
        io.dockerlings.simulator.DockerSimulator.create(
            web.simulatorOptions(clock).withLanguage(java.util.Locale.forLanguageTag("zh-CN")));
    for (String line : web.setup()) {
      io.dockerlings.lessons.state.Commands.run(sim, line);
    }
    var t =
        new io.dockerlings.exercises.submission.Transcript("alice", web, "sim", GradingFixtures.T0);
    List<String> lines = new java.util.ArrayList<>();
    lines.add("docker swarm init");
    lines.add("docker network create -d macvlan mv");
    lines.addAll(web.solution());
    StringBuilder heard = new StringBuilder();
    for (String line : lines) {
      io.dockerlings.lessons.state.Journal.Entry r =
          io.dockerlings.lessons.state.Commands.run(sim, line);
      heard.append(r.output());
      t.add(line, GradingFixtures.T0, r.exitCode(), r.output(), "", List.of());
    }
    assertTrue(heard.toString().contains("本模拟器不执行它"), heard.toString());
    Grade g = grade(t.seal(GradingFixtures.T0.plusSeconds(60)), Overrides.none());
    assertEquals(0, g.divergences());
    assertEquals(6, g.score());
  }
}
