package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.SimulatorOptions;
import io.dockerlings.simulator.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealLessonEngineTest {
  @TempDir Path ws;

  /** An engine whose only container binds {@code sources} at /a, /b... */
  private record Binds(List<String> sources) implements DockerEngine {
    @Override
    public CommandResult execute(List<String> argv, String stdin) {
      return CommandResult.of(1, "", "no engine here\n");
    }

    @Override
    public List<String> commandNames() {
      return List.of();
    }

    @Override
    public List<String> flagNames(String commandWords) {
      return List.of();
    }

    @Override
    public List<String> containerNames() {
      return List.of("site");
    }

    @Override
    public List<String> imageNames() {
      return List.of();
    }

    @Override
    public EngineSnapshot snapshot() {
      List<EngineSnapshot.Mount> mounts = new java.util.ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        mounts.add(new EngineSnapshot.Mount("bind", "", sources.get(i), "/m" + i, false, false));
      }
      var c =
          new EngineSnapshot.ContainerState(
              "a".repeat(64),
              "site",
              "busybox",
              "sha256:" + "b".repeat(64),
              "exited",
              0,
              false,
              new EngineSnapshot.Limits(0, 0, 0, 0, "", 0, 0, false),
              List.of(),
              mounts,
              Map.of(),
              EngineSnapshot.Config.none(),
              "no");
      return new EngineSnapshot(List.of(c), List.of(), List.of(), List.of());
    }
  }

  private RealLessonEngine engine(List<String> binds) {
    DockerSimulator sim =
        DockerSimulator.create(SimulatorOptions.defaults().withWorkspace(Workspace.at(ws)));
    return new RealLessonEngine(new Binds(binds), sim);
  }

  @Test
  void bindInsideTheWorkspace_isNamedAsTheSimulatedHostNamesIt() {
    String real = ws.toAbsolutePath().toString();
    RealLessonEngine e = engine(List.of(real + "/site", real + "-other/x", "/srv/site", real));
    List<String> sources =
        e.snapshot().containers().get(0).mounts().stream()
            .map(EngineSnapshot.Mount::source)
            .toList();
    assertEquals(List.of("/root/site", real + "-other/x", "/srv/site", "/root"), sources);
  }

  @Test
  void hostFile_isReadFromTheOneSimulatedHost() {
    DockerSimulator sim =
        DockerSimulator.create(SimulatorOptions.defaults().withWorkspace(Workspace.at(ws)));
    RealLessonEngine e = new RealLessonEngine(new Binds(List.of()), sim);
    assertEquals(Optional.empty(), e.readHostFile("/root/note.txt"));
    sim.host("echo hi > /root/note.txt");
    assertEquals(Optional.of("hi\n"), e.readHostFile("/root/note.txt"));
  }

  @Test
  void registryTags_areTheRealEnginesAnswer() {
    DockerEngine real =
        new io.dockerlings.simulator.ForwardingDockerEngine(new Binds(List.of())) {
          @Override
          public Optional<List<String>> registryTags(String registry, String repository) {
            return registry.equals("127.0.0.1:5000") && repository.equals("bb")
                ? Optional.of(List.of("v1", "v2"))
                : Optional.empty();
          }
        };
    DockerSimulator sim =
        DockerSimulator.create(SimulatorOptions.defaults().withWorkspace(Workspace.at(ws)));
    RealLessonEngine e = new RealLessonEngine(real, sim);
    assertEquals(Optional.of(List.of("v1", "v2")), e.registryTags("127.0.0.1:5000", "bb"));
    assertEquals(Optional.empty(), e.registryTags("127.0.0.1:5000", "other"));
  }

  @Test
  void volumeFile_isTheRealEnginesOwnReading() {
    DockerEngine real =
        new io.dockerlings.simulator.ForwardingDockerEngine(new Binds(List.of())) {
          @Override
          public Optional<String> readVolumeFile(String volume, String path) {
            return volume.equals("data") && path.equals("/note.txt")
                ? Optional.of("kept\n")
                : Optional.empty();
          }
        };
    DockerSimulator sim =
        DockerSimulator.create(SimulatorOptions.defaults().withWorkspace(Workspace.at(ws)));
    RealLessonEngine e = new RealLessonEngine(real, sim);
    assertEquals(Optional.of("kept\n"), e.readVolumeFile("data", "/note.txt"));
    assertEquals(Optional.empty(), e.readVolumeFile("data", "/other.txt"));
    assertEquals(Optional.empty(), engine(List.of()).readVolumeFile("data", "/note.txt"));
  }
}
