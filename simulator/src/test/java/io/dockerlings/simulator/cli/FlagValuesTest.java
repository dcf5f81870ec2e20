package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagValuesTest {
  private static FlagSpec flag(String name, FlagKind kind, String type) {
    return new FlagSpec(name, Optional.empty(), kind, type, Optional.empty());
  }

  private static String reason(FlagSpec f, String v) {
    return assertThrows(IllegalArgumentException.class, () -> FlagValues.check(f, v)).getMessage();
  }

  @Test
  void switches_keepTrueOrFalse() {
    FlagSpec rm = flag("rm", FlagKind.BOOL, "");
    assertEquals("true", FlagValues.check(rm, "1"));
    assertEquals("false", FlagValues.check(rm, "F"));
  }

  @Test
  void typedValues_areKeptAsTyped() {
    assertEquals("0x10", FlagValues.check(flag("cpu-shares", FlagKind.STRING, "int"), "0x10"));
    assertEquals("64m", FlagValues.check(flag("memory", FlagKind.STRING, "bytes"), "64m"));
    assertEquals(
        "1m", FlagValues.check(flag("health-interval", FlagKind.STRING, "duration"), "1m"));
    assertEquals("", FlagValues.check(flag("filter", FlagKind.LIST, "filter"), ""));
  }

  @Test
  void memorySwap_alone_takesMinusOne() {
    assertEquals("-1", FlagValues.check(flag("memory-swap", FlagKind.STRING, "bytes"), "-1"));
    assertEquals("invalid size: '-1'", reason(flag("memory", FlagKind.STRING, "bytes"), "-1"));
  }

  @Test
  void listValidators() {
    FlagSpec attach = flag("attach", FlagKind.LIST, "list");
    assertEquals("stdout", FlagValues.check(attach, "stdout"));
    assertEquals("valid streams are STDIN, STDOUT and STDERR", reason(attach, "foo"));
    assertEquals(
        "a b is not a valid domain", reason(flag("dns-search", FlagKind.LIST, "list"), "a b"));
    assertEquals(
        "empty string specified for links", reason(flag("link", FlagKind.LIST, "list"), ""));
    assertEquals(
        "invalid ulimit type: foo", reason(flag("ulimit", FlagKind.LIST, "ulimit"), "foo=1"));
    assertEquals(
        "unexpected key 'foo' in 'foo=1'",
        reason(flag("mount", FlagKind.LIST, "mount"), "type=volume,foo=1"));
    assertEquals(
        "net.ipv4.ip_forward=1",
        FlagValues.check(flag("sysctl", FlagKind.LIST, "map"), "net.ipv4.ip_forward=1"));
    assertEquals(
        "a:10.0.0.1", FlagValues.check(flag("add-host", FlagKind.LIST, "list"), "a:10.0.0.1"));
  }

  @Test
  void isIp_acceptsV4AndV6Only() {
    assertTrue(FlagValues.isIp("8.8.8.8"));
    assertTrue(FlagValues.isIp("::1"));
    assertFalse(FlagValues.isIp("256.1.1.1"));
    assertFalse(FlagValues.isIp("example.com"));
    assertFalse(FlagValues.isIp("1:2:3"));
  }
}
