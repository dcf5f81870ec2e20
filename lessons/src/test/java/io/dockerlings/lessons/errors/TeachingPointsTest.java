package io.dockerlings.lessons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.errors.TeachingPoints.Explanation;
import io.dockerlings.lessons.errors.TeachingPoints.Point;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeachingPointsTest {
  private static final TeachingPoints POINTS = TeachingPoints.load();

  /** Lines as they are: the fixtures' differences are in the lines themselves. */
  private static final java.util.function.Function<String, List<String>> LINES =
      out -> out.isEmpty() ? List.of() : List.of(out.split("\n"));

  /** What the engine (engine) or the simulator (sim) printed for a fixture command. */
  private static CommandResult fixture(String name, String side) {
    String base = "/io/dockerlings/lessons/errors/compare/" + name + "." + side + ".";
    return CommandResult.of(
        Integer.parseInt(text(base + "exit").strip()), text(base + "out"), text(base + "err"));
  }

  private static String text(String resource) {
    try (InputStream in = TeachingPointsTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> ids(String command, String fixture) {
    return POINTS
        .explain(
            Arrays.asList(command.split(" ")),
            fixture(fixture, "sim"),
            fixture(fixture, "engine"),
            LINES)
        .stream()
        .map(Explanation::id)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "docker run -m 4m --name dl-cmp-mem busybox true, memory, memory-minimum",
    "docker pull alpine, pull, registry-offline",
    "docker run --rm alpine echo hi, run-pull, registry-offline",
    "docker search nginx, search, search-offline",
    "docker diff dl-cmp-e, diff, diff-order",
    "docker exec dl-cmp-a ping -c 2 127.0.0.1, ping, ping-rtt",
    "docker stats --no-stream, stats, stats-sample",
    "docker top dl-cmp-a, top, top-pids",
    "docker run --rm busybox nslookup x, applet, applet-missing",
    "docker run --rm --blkio-weight 300 busybox true, blkio, blkio-weight",
  })
  void explain_realOutputs_recogniseTheirKnownDifference(
      String command, String fixture, String point) {
    assertEquals(List.of(point), ids(command, fixture));
  }

  @Test
  void explain_outputsWithNoKnownDifference_explainNothing() {
    assertEquals(List.of(), ids("docker ps -a", "ps-a"));
    assertEquals(List.of(), ids("docker inspect dl-cmp-a", "inspect"));
    assertEquals(List.of(), ids("docker logs -t dl-cmp-f", "logs-t"));
  }

  @Test
  void explain_registryPulledBySimulatorOnly_explainsTheOfflineBaseImages() {
    CommandResult sim =
        CommandResult.of(
            0,
            "1739512e61d9\n",
            "Unable to find image 'registry:2' locally\n2: Pulling from library/registry\n");
    CommandResult engine = CommandResult.of(0, "8a93037e91cb\n", "");
    List<String> command = List.of("docker", "run", "-d", "-p", "5000:5000", "registry:2");
    assertEquals(
        List.of("offline-base-images"),
        POINTS.explain(command, sim, engine, LINES).stream().map(e -> e.id()).toList());
  }

  @Test
  void explain_diffInTheSameOrder_explainsNothing() {
    CommandResult both = CommandResult.of(0, "C /etc\nA /etc/zz\n", "");
    assertEquals(List.of(), POINTS.explain(List.of("docker", "diff", "c"), both, both, LINES));
  }

  @Test
  void explain_diffWithOtherChanges_isNotAReordering() {
    assertEquals(
        List.of(),
        POINTS.explain(
            List.of("docker", "diff", "c"),
            CommandResult.of(0, "C /etc\nA /etc/zz\n", ""),
            CommandResult.of(0, "A /etc/zz\nC /tmp\n", ""),
            LINES));
  }

  @Test
  void explain_aPointAboutAnError_saysTheCataloguesCauseAndNextStep_inBothLanguages() {
    List<String> command = List.of("docker", "run", "-m", "4m", "busybox", "true");
    Explanation e =
        POINTS
            .explain(command, fixture("memory", "sim"), fixture("memory", "engine"), LINES)
            .get(0);
    ErrorEntry entry = ErrorCatalogue.load().entry("memory-minimum").orElseThrow();
    assertEquals(
        entry.cause().en().replace("{min}", "6MB") + " " + entry.next().en(), e.in(Lang.EN));
    assertTrue(e.in(Lang.ZH).startsWith("引擎不接受低于 6MB 的内存限额。"), e.in(Lang.ZH));
  }

  @Test
  void load_aPointNamingAnErrorTheCatalogueLacks_isRefused() {
    ErrorCatalogue other =
        ErrorCatalogue.parse(
            "- id: something-else\n  pattern: 'x'\n  cause: {en: a, zh: 甲}\n  next: {en: b, zh:"
                + " 乙}\n  lesson: m0-container-vs-vm\n  example: {run: docker ps}\n",
            "test");
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> TeachingPoints.load(other));
    assertTrue(
        e.getMessage().contains("the error catalogue has no memory-minimum"), e.getMessage());
  }

  @Test
  void load_everyPointHasAPatternOrAnError_andAnExplanationInEachLanguage() {
    for (Point p : POINTS.points()) {
      if (p.error().isPresent()) {
        assertTrue(p.explanation().isEmpty(), p.id() + " says its error's explanation only");
        continue;
      }
      String en = p.explanation().orElseThrow().en();
      String zh = p.explanation().orElseThrow().zh();
      assertNotEquals(en, zh, p.id());
      assertTrue(zh.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), p.id());
      assertTrue(en.codePoints().allMatch(c -> c < 0x80), p.id());
    }
  }

  @Test
  void noPoint_repeatsAnErrorCataloguePattern_itShouldNameTheEntryInstead() {
    ErrorCatalogue errors = ErrorCatalogue.load();
    for (Point p : POINTS.points()) {
      for (var own : List.of(p.either(), p.engine(), p.simulator())) {
        own.ifPresent(
            pattern ->
                errors
                    .entries()
                    .forEach(
                        e ->
                            assertNotEquals(
                                e.pattern().pattern(),
                                pattern.pattern(),
                                p.id() + " repeats the catalogue's " + e.id())));
      }
    }
  }

  @Test
  void bundles_listTheSamePoints_andNothingElse() throws IOException {
    Properties data = properties("teaching-points");
    Set<String> ids =
        Arrays.stream(data.getProperty("points").split(","))
            .map(String::strip)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(ids, POINTS.points().stream().map(Point::id).collect(Collectors.toSet()));
    Set<String> explained =
        POINTS.points().stream()
            .filter(p -> p.error().isEmpty())
            .map(p -> p.id() + ".explain")
            .collect(Collectors.toSet());
    assertEquals(explained, properties("teaching-points_en").stringPropertyNames());
    assertEquals(explained, properties("teaching-points_zh_CN").stringPropertyNames());
    for (String key : data.stringPropertyNames()) {
      assertTrue(key.equals("points") || ids.contains(key.substring(0, key.indexOf('.'))), key);
    }
  }

  private static Properties properties(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        TeachingPointsTest.class.getResourceAsStream(
            "/io/dockerlings/lessons/errors/" + name + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
