package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code ./dockerlings} launcher at the repository root: bash that parses, executable. */
class LauncherScriptTest {
  private static final Path LAUNCHER = Path.of("..", "dockerlings");

  @Test
  void launcher_isValidBash() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("bash", "-n", LAUNCHER.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
  }

  @Test
  void launcher_isExecutable_andStartsTheShadedJar() throws IOException {
    assertTrue(Files.isExecutable(LAUNCHER));
    String text = Files.readString(LAUNCHER);
    assertTrue(text.startsWith("#!/usr/bin/env bash\n"), text);
    assertTrue(text.contains("shell/target/dockerlings.jar"), text);
    assertTrue(text.contains("exec java"), text);
  }
}
