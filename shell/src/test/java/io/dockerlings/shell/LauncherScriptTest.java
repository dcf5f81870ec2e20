package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void launcher_passesSystemPropertiesToTheJvm_beforeTheClassPath(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path copy = dir.resolve("dockerlings");
    Files.copy(LAUNCHER, copy);
    copy.toFile().setExecutable(true);
    Path jar = dir.resolve("shell/target/dockerlings.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "not a jar");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fakeJava = bin.resolve("java");
    // A stand-in java that prints the arguments it was given, one per line.
    Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    fakeJava.toFile().setExecutable(true);
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash", copy.toString(), "--lang", "zh-CN", "-Ddockerlings.home=/tmp/x", "--help")
            .redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    java.util.List<String> args = java.util.List.of(out.split("\n"));
    int property = args.indexOf("-Ddockerlings.home=/tmp/x");
    int classPath = args.indexOf("-cp");
    assertTrue(property >= 0 && property < classPath, out);
    assertTrue(args.get(classPath + 1).endsWith("shell/target/dockerlings.jar"), out);
    assertEquals("io.dockerlings.shell.Main", args.get(classPath + 2), out);
    assertEquals(
        java.util.List.of("--lang", "zh-CN", "--help"), args.subList(classPath + 3, args.size()));
    // Started on pipes, not a terminal: the launcher says so, and Java need not test it again.
    assertTrue(args.contains("-Ddockerlings.terminal=false"), out);
    assertFalse(args.contains("-Ddockerlings.terminal=true"), out);
  }
}
