package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.real.EngineLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidelitySuiteTest {
  /** Below this overall share the simulator has drifted from the engine: the build fails. */
  private static final double FLOOR = 85.0;

  @TempDir Path context;

  @Test
  void report_countsAgreementPerFamily() {
    FidelitySuite.Family f =
        new FidelitySuite.Family(
            "x",
            List.of(
                new FidelitySuite.Command("x", "docker ps", true, "same output"),
                new FidelitySuite.Command("x", "docker rm y", false, "differs in 1 line")));
    String report = FidelitySuite.report(List.of(f));
    assertTrue(report.contains("| x | 2 | 1 | 50% | 1 |"), report);
    assertTrue(report.contains("- `x`: `docker rm y` (differs in 1 line)"), report);
  }

  @Test
  void report_listsHostLinesApart_andCountsThemNowhere() {
    FidelitySuite.Family f =
        new FidelitySuite.Family(
            "x",
            List.of(new FidelitySuite.Command("x", "docker ps", true, "same output")),
            List.of("docker pull -q registry:2 > /dev/null"));
    String report = FidelitySuite.report(List.of(f));
    assertTrue(report.contains("| **all** | 1 | 1 | **100.00%** | 1 |"), report);
    assertTrue(report.contains("- `x`: `docker pull -q registry:2 > /dev/null`"), report);
  }

  @Test
  void script_withAPrefix_namesEveryObjectWithIt() {
    String script = FidelitySuite.script("containers", context, "dl-fid-beef-");
    assertTrue(script.contains("dl-fid-beef-"), script);
    assertFalse(script.matches("(?s).*dl-fid-(?!beef-).*"), script);
  }

  @Test
  void prefix_differsBetweenRuns() {
    Assumptions.assumeTrue(System.getenv("FIDELITY_PREFIX") == null, "a fixed prefix was given");
    assertTrue(FidelitySuite.prefix().matches("dl-fid-[0-9a-f]{4}-"));
    assertTrue(
        java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> FidelitySuite.prefix())
                .distinct()
                .count()
            > 1);
  }

  @Test
  @Tag("real-engine")
  void suite_onBothEngines_agreesAboveTheFloor() throws Exception {
    Assumptions.assumeTrue(
        new EngineLocator().available(),
        "no Docker engine reachable: the fidelity suite needs one (start dockerd or set DOCKER_HOST)");
    List<FidelitySuite.Family> families = FidelitySuite.run(context);
    String report = FidelitySuite.report(families);
    Path out = Path.of("target", "fidelity", "report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    Files.writeString(out.resolveSibling("details.md"), FidelitySuite.details(families));
    System.out.println(report);
    assertEquals(FidelitySuite.FAMILIES.size(), families.size());
    long total = families.stream().mapToLong(f -> f.commands().size()).sum();
    long agree = families.stream().mapToLong(FidelitySuite.Family::agreeing).sum();
    assertTrue(100.0 * agree / total >= FLOOR, report);
  }
}
