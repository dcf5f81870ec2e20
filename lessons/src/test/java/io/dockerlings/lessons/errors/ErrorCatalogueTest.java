package io.dockerlings.lessons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ErrorCatalogueTest {
  private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.load();

  @Test
  void everyEntry_namesALessonOfTheCourse() {
    io.dockerlings.lessons.model.Course course =
        io.dockerlings.lessons.model.Course.of(io.dockerlings.lessons.model.Course.builtIn());
    for (ErrorEntry e : ErrorCatalogue.load().entries()) {
      assertTrue(
          course.lesson(e.lesson()).isPresent(),
          e.id() + " names lesson " + e.lesson() + ", which the course does not have");
    }
    assertFalse(course.lesson("m99-no-such-lesson").isPresent());
  }

  /**
   * The lessons' common wrong attempts: each do step's wrong lines, replayed after the lesson's
   * setup and the solutions of the steps before, on a fresh simulator. Every docker line among them
   * that fails with an error on stderr gets a note (a container's own failure, such as an OOM kill
   * or {@code false}, prints no error and needs none).
   */
  @TestFactory
  Stream<DynamicTest> everyLessonsWrongAttempts_thatPrintAnError_getANote() {
    io.dockerlings.lessons.model.Course course =
        io.dockerlings.lessons.model.Course.of(io.dockerlings.lessons.model.Course.builtIn());
    return course.lessons().stream()
        .map(
            l ->
                DynamicTest.dynamicTest(
                    l.id(),
                    () -> {
                      java.util.List<String> unexplained = new java.util.ArrayList<>();
                      int errors = 0;
                      java.util.List<String> before = new java.util.ArrayList<>(l.setup());
                      for (io.dockerlings.lessons.model.Step step : l.steps()) {
                        if (step instanceof io.dockerlings.lessons.model.Step.Do d) {
                          for (java.util.List<String> attempt : d.wrong()) {
                            errors += unexplained(l, before, attempt, unexplained);
                          }
                          before.addAll(d.solution());
                        } else if (step instanceof io.dockerlings.lessons.model.Step.Predict p) {
                          before.addAll(p.run());
                        } else if (step instanceof io.dockerlings.lessons.model.Step.Observe o) {
                          before.add(o.command());
                        }
                      }
                      assertTrue(unexplained.isEmpty(), l.id() + ": " + unexplained);
                      System.out.printf(
                          "%s: %d failing wrong lines, all explained%n", l.id(), errors);
                    }));
  }

  @Test
  void unexplained_anErrorTheCatalogueDoesNotKnow_isReported() {
    io.dockerlings.lessons.model.Lesson any =
        io.dockerlings.lessons.model.Course.of(io.dockerlings.lessons.model.Course.builtIn())
            .lessons()
            .get(0);
    java.util.List<String> out = new java.util.ArrayList<>();
    int errors =
        unexplained(
            any,
            java.util.List.of(),
            java.util.List.of("docker network create -d nosuchdriver s2-x", "docker ps"),
            out);
    assertEquals(1, errors);
    assertEquals(1, out.size(), out.toString());
    assertTrue(out.get(0).startsWith("docker network create -d nosuchdriver s2-x -> "), out.get(0));
  }

  /** Replays {@code before} then {@code attempt}; adds each failing line with no note. */
  private static int unexplained(
      io.dockerlings.lessons.model.Lesson l,
      java.util.List<String> before,
      java.util.List<String> attempt,
      java.util.List<String> out) {
    int errors = 0;
    try (DockerSimulator sim =
        DockerSimulator.create(
            new io.dockerlings.simulator.SimulatorOptions(
                l.host(), java.time.Clock.systemUTC(), 7L))) {
      for (String line : before) {
        io.dockerlings.lessons.state.Commands.run(sim, line);
      }
      for (String line : attempt) {
        if (!io.dockerlings.lessons.state.Commands.isDockerLine(line)) {
          sim.host(line);
          continue;
        }
        CommandResult r =
            sim.executeWithoutTerminal(io.dockerlings.simulator.CommandLine.split(line), "");
        if (r.exitCode() != 0 && !r.stderr().isBlank()) {
          errors++;
          if (CATALOGUE.match(r.exitCode(), r.stdout(), r.stderr()).isEmpty()) {
            out.add(line + " -> " + r.stderr().strip());
          }
        }
      }
    }
    return errors;
  }

  @Test
  void load_shipsAtLeastFortyEntries() {
    assertTrue(CATALOGUE.entries().size() >= 40, "entries: " + CATALOGUE.entries().size());
  }

  /**
   * Every entry's example, run on a fresh simulator, prints an error that this entry (and not an
   * earlier one) matches, with every group filled and no placeholder left in either language.
   */
  @TestFactory
  Stream<DynamicTest> example_onTheSimulator_isMatchedByItsOwnEntry() {
    return CATALOGUE.entries().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.id(),
                    () -> {
                      DockerSimulator sim = DockerSimulator.create();
                      // The simulator reads build contexts and tar files on its simulated host.
                      String dir = "/tmp/errors-example";
                      sim.host("mkdir -p " + dir);
                      CommandResult r =
                          Examples.run(
                              e.example(),
                              argv -> sim.execute(argv, ""),
                              sim::host,
                              dir,
                              (name, content) ->
                                  sim.host(
                                      "printf '"
                                          + content.replace("\n", "\\n")
                                          + "' > "
                                          + dir
                                          + "/"
                                          + name),
                              "errors-");
                      assertMatches(e, r);
                    }));
  }

  /** Asserts that {@code stderr} is explained by {@code e}, with every placeholder filled. */
  static void assertMatches(ErrorEntry e, CommandResult r) {
    String stderr = r.stdout() + r.stderr();
    Optional<ErrorMatch> m = CATALOGUE.match(r.exitCode(), r.stdout(), r.stderr());
    assertTrue(m.isPresent(), e.id() + ": nothing matches " + stderr);
    assertEquals(e.id(), m.get().entry().id(), "matched by another entry: " + stderr);
    for (Map.Entry<String, String> v : m.get().values().entrySet()) {
      assertFalse(v.getValue().isBlank(), e.id() + ": group " + v.getKey() + " is empty");
    }
    for (Lang lang : Lang.values()) {
      String text = m.get().cause().in(lang) + m.get().next().in(lang);
      assertFalse(text.matches("(?s).*\\{[a-zA-Z]+}.*"), e.id() + ": unfilled: " + text);
    }
  }

  @Test
  void match_fillsGroupsFromTheMessage() {
    ErrorMatch m =
        CATALOGUE
            .match(
                "docker: Error response from daemon: driver failed programming external"
                    + " connectivity on endpoint web (ab12): Bind for 0.0.0.0:8080 failed: port is"
                    + " already allocated.\n")
            .orElseThrow();
    assertEquals("port-allocated", m.entry().id());
    assertEquals("8080", m.values().get("port"));
    assertTrue(m.cause().in(Lang.ZH).contains("8080"));
    assertTrue(m.message().startsWith("docker: Error response from daemon"));
  }

  @Test
  void match_ofOrdinaryOutput_isEmpty() {
    assertTrue(CATALOGUE.match("CONTAINER ID   IMAGE\n").isEmpty());
    assertTrue(CATALOGUE.match("").isEmpty());
  }

  @Test
  void parse_ofBrokenYaml_namesTheLine() {
    CatalogueException e =
        assertThrows(
            CatalogueException.class,
            () -> ErrorCatalogue.parse("- id: x\n  pattern: [", "t.yaml"));
    assertTrue(e.getMessage().startsWith("t.yaml: not valid YAML"), e.getMessage());
  }

  @Test
  void parse_ofAnEntryWithoutChinese_namesTheEntryAndTheField() {
    String yaml = entry("a", "x", "{en: cause, zh: 原因}", "{en: next}", "m2-run");
    CatalogueException e =
        assertThrows(CatalogueException.class, () -> ErrorCatalogue.parse(yaml, "t.yaml"));
    assertEquals(
        "t.yaml: entry #1 (a): 'next' needs both en and zh (zh is missing)", e.getMessage());
  }

  @Test
  void parse_ofAPlaceholderWithoutItsGroup_isRefused() {
    String yaml =
        entry(
            "a",
            "port (?<port>\\\\d+)",
            "{en: '{host}', zh: '{host}'}",
            "{en: n, zh: 下}",
            "m8-ports");
    CatalogueException e =
        assertThrows(CatalogueException.class, () -> ErrorCatalogue.parse(yaml, "t.yaml"));
    assertTrue(e.getMessage().contains("uses {host}, which is not a named group"), e.getMessage());
  }

  @Test
  void parse_ofABadPatternLessonOrDuplicate_isRefused() {
    String ok = "{en: a, zh: 甲}";
    assertThrows(
        CatalogueException.class,
        () -> ErrorCatalogue.parse(entry("a", "(unclosed", ok, ok, "m2-run"), "t"));
    CatalogueException lesson =
        assertThrows(
            CatalogueException.class,
            () -> ErrorCatalogue.parse(entry("a", "x", ok, ok, "lesson2"), "t"));
    assertTrue(lesson.getMessage().contains("not a lesson id"), lesson.getMessage());
    CatalogueException twice =
        assertThrows(
            CatalogueException.class,
            () ->
                ErrorCatalogue.parse(
                    entry("a", "x", ok, ok, "m2-run") + entry("a", "y", ok, ok, "m2-run"), "t"));
    assertEquals("t: entry #2: id 'a' is used twice", twice.getMessage());
    assertThrows(CatalogueException.class, () -> ErrorCatalogue.parse("{}", "t"));
  }

  @Test
  void parse_ofAnUnknownFieldOrNoExample_isRefused() {
    String ok = "{en: a, zh: 甲}";
    String noExample =
        "- {id: a, pattern: x, cause: " + ok + ", next: " + ok + ", lesson: m2-run}\n";
    CatalogueException e =
        assertThrows(CatalogueException.class, () -> ErrorCatalogue.parse(noExample, "t"));
    assertTrue(e.getMessage().contains("needs an example"), e.getMessage());
    String typo = entry("a", "x", ok, ok, "m2-run") + "  lessson: m2-run\n";
    CatalogueException f =
        assertThrows(CatalogueException.class, () -> ErrorCatalogue.parse(typo, "t"));
    assertTrue(f.getMessage().contains("unknown field 'lessson'"), f.getMessage());
  }

  private static String entry(String id, String pattern, String cause, String next, String lesson) {
    return "- id: "
        + id
        + "\n  pattern: \""
        + pattern
        + "\"\n  cause: "
        + cause
        + "\n  next: "
        + next
        + "\n  lesson: "
        + lesson
        + "\n  example: {run: docker ps}\n";
  }
}
