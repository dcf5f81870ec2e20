package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagParserTest {
  private static final CommandSpecs SPECS = CommandSpecs.load();

  private static FlagParser.Result result(String path, String... words) {
    return FlagParser.parse(SPECS.find(path).orElseThrow(), List.of(words));
  }

  private static ParsedCommand parse(String path, String... words) {
    return result(path, words).command();
  }

  private static String error(String path, String... words) {
    DockerException e = assertThrows(DockerException.class, () -> parse(path, words));
    assertEquals(125, e.exitCode());
    return e.text();
  }

  @Test
  void combinedShortFlags_andAttachedValues() {
    ParsedCommand c = parse("run", "-dit", "-p80:80", "-e=A=1", "--name", "x", "busybox", "sh");
    assertTrue(c.bool("detach") && c.bool("interactive") && c.bool("tty"));
    assertEquals(List.of("80:80"), c.list("publish"));
    assertEquals(List.of("A=1"), c.list("env"));
    assertEquals("x", c.string("name", ""));
    assertEquals(List.of("busybox", "sh"), c.args());
  }

  @Test
  void boolThenValueFlag_inOneWord_takesTheNextWord() {
    ParsedCommand c = parse("run", "-dp", "8080:80", "busybox");
    assertTrue(c.bool("detach"));
    assertEquals(List.of("8080:80"), c.list("publish"));
  }

  @Test
  void longFlag_withEqualsOrSeparateValue_andRepeatsKeepOrder() {
    ParsedCommand c = parse("run", "--env=A=1", "--env", "B=2", "-e", "C", "busybox");
    assertEquals(List.of("A=1", "B=2", "C"), c.list("env"));
  }

  @Test
  void run_stopsAtTheImage_soContainerFlagsStayArguments() {
    ParsedCommand c = parse("run", "--rm", "busybox", "ls", "-l", "--all", "--", "-x");
    assertEquals(List.of("busybox", "ls", "-l", "--all", "--", "-x"), c.args());
    assertTrue(c.bool("rm"));
  }

  @Test
  void exec_stopsAtTheContainer() {
    ParsedCommand c = parse("exec", "-it", "box", "sh", "-c", "echo hi");
    assertEquals(List.of("box", "sh", "-c", "echo hi"), c.args());
  }

  @Test
  void rm_allowsFlagsAfterArguments() {
    ParsedCommand c = parse("rm", "a", "-f", "b");
    assertTrue(c.bool("force"));
    assertEquals(List.of("a", "b"), c.args());
  }

  @Test
  void doubleDash_endsFlags_andSingleDash_isAnArgument() {
    ParsedCommand c = parse("rm", "--", "-f");
    assertFalse(c.isSet("force"));
    assertEquals(List.of("-f"), c.args());
    assertEquals(List.of("-"), parse("ps", "-").args());
  }

  @Test
  void valueStartingWithADash_isTakenAsTheValue() {
    assertEquals("-1", parse("stop", "-t", "-1", "x").string("time", ""));
    assertEquals("-1", parse("ps", "-n=-1").string("last", ""));
    assertEquals("-1", parse("ps", "--last", "-1").string("last", ""));
  }

  @Test
  void boolValues_followGoParseBool() {
    assertFalse(parse("run", "--rm=false", "busybox").bool("rm"));
    assertTrue(parse("ps", "--no-trunc=T").bool("no-trunc"));
    assertFalse(parse("ps", "-q=0").bool("quiet"));
    assertEquals(
        "invalid argument \"tRuE\" for \"--rm\" flag: strconv.ParseBool: parsing \"tRuE\":"
            + " invalid syntax\nSee 'docker run --help'.",
        error("run", "--rm=tRuE", "busybox"));
    assertEquals(
        "invalid argument \"\" for \"--rm\" flag: strconv.ParseBool: parsing \"\": invalid"
            + " syntax\nSee 'docker run --help'.",
        error("run", "--rm=", "busybox"));
    assertEquals(
        "invalid argument \"maybe\" for \"-d, --detach\" flag: strconv.ParseBool: parsing"
            + " \"maybe\": invalid syntax\nSee 'docker run --help'.",
        error("run", "-d=maybe", "busybox"));
  }

  @Test
  void unknownFlags_areWordedLikeTheCli() {
    assertEquals("unknown flag: --foo\nSee 'docker ps --help'.", error("ps", "--foo"));
    assertEquals("unknown flag: --foo\nSee 'docker ps --help'.", error("ps", "--foo=1"));
    assertEquals(
        "unknown shorthand flag: 'z' in -z\nSee 'docker run --help'.", error("run", "-z", "x"));
    assertEquals(
        "unknown shorthand flag: 'z' in -zx\nSee 'docker run --help'.", error("run", "-dzx"));
    assertEquals("unknown shorthand flag: '1' in -1\nSee 'docker rm --help'.", error("rm", "-1"));
    assertEquals("unknown shorthand flag: '-' in --\nSee 'docker ps --help'.", error("ps", "-qa-"));
    assertEquals("bad flag syntax: ---foo\nSee 'docker ps --help'.", error("ps", "---foo"));
    assertEquals("bad flag syntax: --=x\nSee 'docker ps --help'.", error("ps", "--=x"));
  }

  @Test
  void missingValues_areWordedLikeTheCli() {
    assertEquals(
        "flag needs an argument: --name\nSee 'docker run --help'.", error("run", "--name"));
    assertEquals("flag needs an argument: 'p' in -p\nSee 'docker run --help'.", error("run", "-p"));
    assertEquals(
        "flag needs an argument: 'p' in -p\nSee 'docker run --help'.", error("run", "-dp"));
  }

  @Test
  void errors_nameThePathAsTyped() {
    assertEquals(
        "unknown flag: --foo\nSee 'docker container ls --help'.", error("container list", "--foo"));
  }

  @Test
  void integers_followGoParseIntWithBaseZero() {
    assertEquals("0x10", parse("run", "-c", "0x10", "busybox").string("cpu-shares", ""));
    assertEquals(
        "invalid argument \"x\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"x\":"
            + " invalid syntax\nSee 'docker run --help'.",
        error("run", "-c", "x", "busybox"));
    assertEquals(
        "invalid argument \"99999999999999999999\" for \"-c, --cpu-shares\" flag:"
            + " strconv.ParseInt: parsing \"99999999999999999999\": value out of range\n"
            + "See 'docker run --help'.",
        error("run", "-c", "99999999999999999999", "busybox"));
    assertEquals(
        "invalid argument \"70000\" for \"--blkio-weight\" flag: strconv.ParseUint: parsing"
            + " \"70000\": value out of range\nSee 'docker run --help'.",
        error("run", "--blkio-weight", "70000", "busybox"));
    assertEquals(
        "invalid argument \"-1\" for \"--blkio-weight\" flag: strconv.ParseUint: parsing"
            + " \"-1\": invalid syntax\nSee 'docker run --help'.",
        error("run", "--blkio-weight", "-1", "busybox"));
  }

  @Test
  void sizesDecimalsAndDurations_areCheckedWhileParsing() {
    assertEquals(
        "invalid argument \"64x\" for \"-m, --memory\" flag: invalid size: '64x'\n"
            + "See 'docker run --help'.",
        error("run", "-m", "64x", "busybox"));
    assertEquals(
        "invalid argument \"1.2.3m\" for \"-m, --memory\" flag: strconv.ParseFloat: parsing"
            + " \"1.2.3\": invalid syntax\nSee 'docker run --help'.",
        error("run", "-m", "1.2.3m", "busybox"));
    assertEquals("-1", parse("run", "--memory-swap", "-1", "busybox").string("memory-swap", ""));
    assertEquals(
        "invalid argument \"x\" for \"--cpus\" flag: failed to parse x as a rational number\n"
            + "See 'docker run --help'.",
        error("run", "--cpus", "x", "busybox"));
    assertEquals(
        "invalid argument \"1/3\" for \"--cpus\" flag: value is too precise\n"
            + "See 'docker run --help'.",
        error("run", "--cpus", "1/3", "busybox"));
    assertEquals("3/2", parse("run", "--cpus", "3/2", "busybox").string("cpus", ""));
    assertEquals(
        "invalid argument \"5\" for \"--health-interval\" flag: time: missing unit in duration"
            + " \"5\"\nSee 'docker run --help'.",
        error("run", "--health-interval", "5", "busybox"));
  }

  @Test
  void listValidators_rejectAsTheCliDoes() {
    assertEquals(
        "invalid argument \"foo\" for \"--add-host\" flag: bad format for add-host: \"foo\"\n"
            + "See 'docker run --help'.",
        error("run", "--add-host", "foo", "busybox"));
    assertEquals(
        "invalid argument \"foo:bad\" for \"--add-host\" flag: invalid IP address in add-host:"
            + " \"bad\"\nSee 'docker run --help'.",
        error("run", "--add-host", "foo:bad", "busybox"));
    assertEquals(
        "invalid argument \"x\" for \"--dns\" flag: x is not an ip address\n"
            + "See 'docker run --help'.",
        error("run", "--dns", "x", "busybox"));
    assertEquals(
        "invalid argument \"=x\" for \"-e, --env\" flag: invalid environment variable: =x\n"
            + "See 'docker run --help'.",
        error("run", "-e", "=x", "busybox"));
    assertEquals(
        "invalid argument \"foo\" for \"-f, --filter\" flag: bad format of filter (expected"
            + " name=value)\nSee 'docker ps --help'.",
        error("ps", "--filter", "foo"));
    assertEquals(
        "invalid argument \"nofile=5:3\" for \"--ulimit\" flag: ulimit soft limit must be less"
            + " than or equal to hard limit: 5 > 3\nSee 'docker run --help'.",
        error("run", "--ulimit", "nofile=5:3", "busybox"));
    assertEquals(
        "invalid argument \"type=bind\" for \"--mount\" flag: target is required\n"
            + "See 'docker run --help'.",
        error("run", "--mount", "type=bind", "busybox"));
    assertEquals(
        "invalid argument \"x\" for \"--sysctl\" flag: sysctl 'x' is not whitelisted\n"
            + "See 'docker run --help'.",
        error("run", "--sysctl", "x", "busybox"));
    assertEquals(List.of("1.1.1.1"), parse("run", "--dns", "1.1.1.1", "b").list("dns"));
  }

  @Test
  void help_isASwitchOfEveryCommand_withADeprecatedShorthand() {
    FlagParser.Result r = result("ps", "-ah");
    assertTrue(r.help() && r.helpShorthand());
    assertTrue(r.command().bool("all"));
    assertFalse(r.command().isSet("help"));
    FlagParser.Result off = result("ps", "--help=false");
    assertFalse(off.help() || off.helpShorthand());
    assertEquals(
        "invalid argument \"x\" for \"--help\" flag: strconv.ParseBool: parsing \"x\": invalid"
            + " syntax\nSee 'docker ps --help'.",
        error("ps", "--help=x"));
  }

  @Test
  void run_keepsMinusHForHostname() {
    assertEquals("box", parse("run", "-h", "box", "busybox").string("hostname", ""));
    assertTrue(result("run", "--help").help());
    assertEquals("flag needs an argument: 'h' in -h\nSee 'docker run --help'.", error("run", "-h"));
  }

  @Test
  void hiddenOldSpelling_net_isNetwork() {
    assertEquals("none", parse("run", "--net", "none", "busybox").string("network", ""));
  }
}
