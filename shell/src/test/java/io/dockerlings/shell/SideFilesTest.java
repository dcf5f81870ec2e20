package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideFilesTest {
  @TempDir Path workspace;

  private SideFiles files() {
    return new SideFiles(typed -> Optional.of(workspace.resolve(typed)));
  }

  private CommandResult writes(String name, String text) {
    try {
      Files.writeString(workspace.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CommandResult.of(0, "", "");
  }

  private String read(String name) {
    try {
      return Files.readString(workspace.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void onSimulator_saveThenLoad_readsTheSimulatorsOwnTar_whileTheWorkspaceKeepsTheEngines() {
    SideFiles files = files();
    files.onSimulator(
        List.of("docker", "save", "-o", "img.tar", "x"), () -> writes("img.tar", "simulator"));
    // The workspace is left as before the simulator ran: the engine writes its own there.
    assertFalse(Files.exists(workspace.resolve("img.tar")));
    writes("img.tar", "engine");
    String[] seen = new String[1];
    files.onSimulator(
        List.of("docker", "load", "-i", "img.tar"),
        () -> {
          seen[0] = read("img.tar");
          return CommandResult.of(0, "", "");
        });
    assertEquals("simulator", seen[0]);
    assertEquals("engine", read("img.tar"));
  }

  @Test
  void onSimulator_aFileOnlyTheEngineWrote_isReadAsItIs() {
    SideFiles files = files();
    writes("fs.tar", "engine");
    String[] seen = new String[1];
    files.onSimulator(
        List.of("docker", "import", "-m", "msg", "fs.tar", "flat:v1"),
        () -> {
          seen[0] = read("fs.tar");
          return CommandResult.of(0, "", "");
        });
    assertEquals("engine", seen[0]);
  }

  @Test
  void onSimulator_aFailedSaveOverAnEnginesFile_keepsNoCopy() {
    SideFiles files = files();
    writes("img.tar", "engine");
    files.onSimulator(
        List.of("docker", "image", "save", "--output=img.tar", "nosuch"),
        () -> CommandResult.of(1, "", "Error response from daemon: reference does not exist\n"));
    assertTrue(files.simulatorsCopy(workspace.resolve("img.tar")).isEmpty());
    assertEquals("engine", read("img.tar"));
  }

  @Test
  void onSimulator_exportWithAnOutputFlag_keepsTheSimulatorsCopy() {
    SideFiles files = files();
    files.onSimulator(
        List.of("docker", "container", "export", "-ofs.tar", "c"), () -> writes("fs.tar", "sim"));
    assertArrayEquals(
        "sim".getBytes(StandardCharsets.UTF_8),
        files.simulatorsCopy(workspace.resolve("fs.tar")).orElseThrow());
    files.clear();
    assertTrue(files.simulatorsCopy(workspace.resolve("fs.tar")).isEmpty());
  }

  @Test
  void readAndWritten_nameOnlyTheFilesOfTarCommands() {
    assertEquals(
        List.of("a.tar"), SideFiles.written(List.of("docker", "save", "-o", "a.tar", "x")));
    assertEquals(List.of(), SideFiles.written(List.of("docker", "run", "-o", "a.tar")));
    assertEquals(List.of("b.tar"), SideFiles.read(List.of("docker", "load", "--input", "b.tar")));
    assertEquals(List.of(), SideFiles.read(List.of("docker", "import", "-", "x")));
    assertEquals(List.of(), SideFiles.read(List.of("docker", "import", "http://h/x.tar")));
    assertEquals(List.of(), SideFiles.read(List.of("docker")));
  }
}
