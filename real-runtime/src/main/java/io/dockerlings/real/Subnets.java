package io.dockerlings.real;

import java.util.List;
import java.util.Optional;

/** IPv4 subnets in CIDR form ({@code 192.168.0.0/16}) and whether two of them share addresses. */
final class Subnets {
  private Subnets() {}

  /** The first address and the prefix length of {@code cidr}, if it is an IPv4 subnet. */
  static Optional<long[]> parse(String cidr) {
    String[] parts = cidr.split("/", -1);
    if (parts.length != 2 || !parts[1].matches("[0-9]{1,2}")) {
      return Optional.empty();
    }
    int bits = Integer.parseInt(parts[1]);
    String[] octets = parts[0].split("\\.", -1);
    if (bits > 32 || octets.length != 4) {
      return Optional.empty();
    }
    long address = 0;
    for (String o : octets) {
      if (!o.matches("[0-9]{1,3}") || Integer.parseInt(o) > 255) {
        return Optional.empty();
      }
      address = address << 8 | Integer.parseInt(o);
    }
    return Optional.of(new long[] {address, bits});
  }

  /** Whether two subnets share an address (one contains the other's start); false if unreadable. */
  static boolean overlap(String a, String b) {
    Optional<long[]> x = parse(a);
    Optional<long[]> y = parse(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    int bits = (int) Math.min(x.get()[1], y.get()[1]);
    long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    return (x.get()[0] & mask) == (y.get()[0] & mask);
  }

  /** Whether any of {@code wanted} overlaps any of {@code held}. */
  static boolean anyOverlaps(List<String> wanted, List<String> held) {
    return wanted.stream().anyMatch(w -> held.stream().anyMatch(h -> overlap(w, h)));
  }
}
