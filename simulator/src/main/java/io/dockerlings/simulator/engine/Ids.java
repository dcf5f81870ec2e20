package io.dockerlings.simulator.engine;

import java.util.HexFormat;
import java.util.Random;

/** Generates the 64-hex-digit random ids the engine gives containers and exec instances. */
final class Ids {
  private final Random random;

  Ids(Random random) {
    this.random = random;
  }

  /** A new id that does not look like a number (the engine retries all-digit short ids too). */
  String next() {
    byte[] bytes = new byte[32];
    while (true) {
      random.nextBytes(bytes);
      String id = HexFormat.of().formatHex(bytes);
      if (!id.substring(0, 12).chars().allMatch(Character::isDigit)) {
        return id;
      }
    }
  }

  /** The 12-digit form shown in tables. */
  static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() <= 12 ? hex : hex.substring(0, 12);
  }
}
