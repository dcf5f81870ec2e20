package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.shell.TeachingPoints.Explanation;
import io.dockerlings.shell.TeachingPoints.Point;
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
  private static final Messages ENGLISH = Messages.forLanguage("en").orElseThrow();
  private static final Messages CHINESE = Messages.forLanguage("zh-CN").orElseThrow();

  private static List<String> ids(String command, String fixture) {
    return POINTS
        .explain(
            Arrays.asList(command.split(" ")),
            CompareFixtures.simulator(fixture),
            CompareFixtures.engine(fixture),
            ENGLISH)
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
        POINTS.explain(command, sim, engine, ENGLISH).stream().map(e -> e.id()).toList());
  }

  @Test
  void explain_diffInTheSameOrder_explainsNothing() {
    CommandResult both = CommandResult.of(0, "C /etc\nA /etc/zz\n", "");
    assertEquals(List.of(), POINTS.explain(List.of("docker", "diff", "c"), both, both, ENGLISH));
  }

  @Test
  void explain_diffWithOtherChanges_isNotAReordering() {
    assertEquals(
        List.of(),
        POINTS.explain(
            List.of("docker", "diff", "c"),
            CommandResult.of(0, "C /etc\nA /etc/zz\n", ""),
            CommandResult.of(0, "A /etc/zz\nC /tmp\n", ""),
            ENGLISH));
  }

  @Test
  void explain_speaksTheLearnersLanguage() {
    List<String> command = List.of("docker", "run", "-m", "4m", "busybox", "true");
    CommandResult sim = CompareFixtures.simulator("memory");
    CommandResult engine = CompareFixtures.engine("memory");
    String en = POINTS.explain(command, sim, engine, ENGLISH).get(0).text();
    String zh = POINTS.explain(command, sim, engine, CHINESE).get(0).text();
    assertTrue(en.startsWith("The course notes use limits such as -m 4m"), en);
    assertTrue(zh.startsWith("课程笔记里用的是 -m 4m"), zh);
  }

  @Test
  void load_everyPointHasAPattern_andAnExplanationInEachLanguage() {
    for (Point p : POINTS.points()) {
      assertEquals(new TreeSet<>(Messages.LANGUAGES), new TreeSet<>(p.explanations().keySet()));
      String en = p.explanations().get("en");
      String zh = p.explanations().get("zh-CN");
      assertNotEquals(en, zh, p.id());
      assertTrue(zh.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), p.id());
      assertTrue(en.codePoints().allMatch(c -> c < 0x80), p.id());
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
    Set<String> explained = ids.stream().map(id -> id + ".explain").collect(Collectors.toSet());
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
            "/io/dockerlings/shell/" + name + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
