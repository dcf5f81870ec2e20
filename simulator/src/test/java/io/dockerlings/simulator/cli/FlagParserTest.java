package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagParserTest {
  private static final CommandSpecs SPECS = CommandSpecs.load();

  private static ParsedCommand parse(String path, String... words) {
    return FlagParser.parse(SPECS.find(path).orElseThrow(), path, List.of(words));
  }

  @Test
  void combinedShortFlags_andAttachedValues() {
    ParsedCommand c = parse("run", "-dit", "-p80:80", "-e=A=1", "--name", "x", "busybox", "sh");
    assertTrue(c.bool("detach") && c.bool("interactive") && c.bool("tty"));
    assertEquals(List.of("80:80"), c.list("publish"));
    assertEquals(List.of("A=1"), c.list("env"));
    assertEquals("x", c.string("name", ""));
  }

  @Test
  void run_stopsAtTheImage_soContainerFlagsStayArguments() {
    ParsedCommand c = parse("run", "busybox", "ls", "-l", "--all");
    assertEquals(List.of("busybox", "ls", "-l", "--all"), c.args());
  }

  @Test
  void rm_allowsFlagsAfterArguments() {
    ParsedCommand c = parse("rm", "a", "-f");
    assertTrue(c.bool("force"));
    assertEquals(List.of("a"), c.args());
  }

  @Test
  void unknownFlag_isWordedLikeTheCli() {
    DockerException e = assertThrows(DockerException.class, () -> parse("ps", "--foo"));
    assertEquals("unknown flag: --foo\nSee 'docker ps --help'.", e.text());
    assertEquals(125, e.exitCode());
  }

  @Test
  void unknownShorthand_andMissingValue_areWordedLikeTheCli() {
    assertEquals(
        "unknown shorthand flag: 'z' in -z\nSee 'docker run --help'.",
        assertThrows(DockerException.class, () -> parse("run", "-z", "busybox")).text());
    assertEquals(
        "flag needs an argument: --name\nSee 'docker run --help'.",
        assertThrows(DockerException.class, () -> parse("run", "--name")).text());
    assertEquals(
        "flag needs an argument: 'p' in -p\nSee 'docker run --help'.",
        assertThrows(DockerException.class, () -> parse("run", "-p")).text());
  }

  @Test
  void badInteger_isWordedLikeTheCli() {
    assertEquals(
        "invalid argument \"x\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"x\":"
            + " invalid syntax\nSee 'docker run --help'.",
        assertThrows(DockerException.class, () -> parse("run", "-c", "x", "busybox")).text());
  }

  @Test
  void boolWithValue_andDoubleDash() {
    ParsedCommand c = parse("run", "--rm=false", "--", "busybox");
    assertEquals(false, c.bool("rm"));
    assertEquals(List.of("busybox"), c.args());
  }
}
