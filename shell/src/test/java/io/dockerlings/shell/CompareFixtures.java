package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Outputs captured from the real engine and from the simulator for the same commands. */
final class CompareFixtures {
  private CompareFixtures() {}

  /** What the real Docker Engine 20.10.24 printed for the fixture {@code name}. */
  static CommandResult engine(String name) {
    return load(name, "engine");
  }

  /** What the simulator printed for the fixture {@code name}. */
  static CommandResult simulator(String name) {
    return load(name, "sim");
  }

  private static CommandResult load(String name, String side) {
    String base = name + "." + side + ".";
    return CommandResult.of(
        Integer.parseInt(text(base + "exit").strip()), text(base + "out"), text(base + "err"));
  }

  private static String text(String file) {
    try (InputStream in =
        CompareFixtures.class.getResourceAsStream("/io/dockerlings/shell/compare/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
