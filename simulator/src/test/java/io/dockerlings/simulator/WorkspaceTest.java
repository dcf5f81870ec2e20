package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One host for every command: host lines, docker cp, build, save/load and export/import all work on
 * the simulated host, whose home is the real workspace directory, and nothing else is touched.
 */
class WorkspaceTest {
  @TempDir Path work;
  @TempDir Path outside;

  private DockerSimulator sim(Workspace w) {
    return DockerSimulator.create(
        new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9).withWorkspace(w));
  }

  private static CommandResult docker(DockerSimulator sim, String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  private static String ok(CommandResult r) {
    assertEquals(0, r.exitCode(), r.stderr());
    return r.stdout();
  }

  @Test
  void hostLine_writesTheRealWorkspace_andCdHoldsForTheNextLine() throws IOException {
    DockerSimulator sim = sim(Workspace.at(work));
    ok(sim.host("mkdir sinatra && echo 'FROM busybox' > sinatra/Dockerfile"));
    assertEquals("FROM busybox\n", Files.readString(work.resolve("sinatra/Dockerfile")));
    ok(sim.host("cd sinatra"));
    assertEquals("/root/sinatra", sim.hostDirectory());
    assertEquals("/root/sinatra\n", ok(sim.host("pwd")));
    assertEquals("Dockerfile\n", ok(sim.host("ls")));
  }

  @Test
  void copyOut_editOnTheHost_copyBack_seesTheEdit() throws IOException {
    DockerSimulator sim = sim(Workspace.at(work));
    ok(docker(sim, "run -d --name ct busybox sleep 1000"));
    ok(docker(sim, "exec ct sh -c 'echo one > /test.sh'"));
    ok(docker(sim, "cp ct:/test.sh ."));
    assertEquals("one\n", Files.readString(work.resolve("test.sh")));
    assertEquals("one\n", ok(sim.host("cat test.sh")));
    ok(sim.host("echo two >> test.sh"));
    ok(docker(sim, "cp test.sh ct:/test.sh"));
    assertEquals("one\ntwo\n", ok(docker(sim, "exec ct cat /test.sh")));
  }

  @Test
  void dockerfileWrittenOnTheHost_buildsFromItsDirectory() throws IOException {
    DockerSimulator sim = sim(Workspace.at(work));
    ok(sim.host("mkdir app; cd app; echo hi > hello.txt"));
    ok(
        sim.host(
            "printf 'FROM busybox\\nCOPY hello.txt /\\nCMD [\"cat\", \"/hello.txt\"]\\n'"
                + " > Dockerfile"));
    assertTrue(Files.exists(work.resolve("app/Dockerfile")));
    ok(docker(sim, "build -t hello:v1 ."));
    assertEquals("hi\n", ok(docker(sim, "run --rm hello:v1")));
    ok(sim.host("cd /root"));
    ok(docker(sim, "build -t hello:v2 -f app/Dockerfile app"));
  }

  @Test
  void saveLoadExportImport_throughRedirections_makeRealTarFiles() throws IOException {
    DockerSimulator sim = sim(Workspace.at(work));
    ok(sim.host("docker save busybox > bb.tar"));
    byte[] tar = Files.readAllBytes(work.resolve("bb.tar"));
    assertTrue(tar.length > 1_900_000, "the busybox binary is in the archive");
    ok(docker(sim, "rmi busybox"));
    assertEquals("Loaded image: busybox:latest\n", ok(sim.host("docker load < bb.tar")));
    ok(docker(sim, "run --name ct busybox touch /made"));
    ok(sim.host("docker export ct > c.tar"));
    ok(docker(sim, "export -o c2.tar ct"));
    assertTrue(Files.size(work.resolve("c.tar")) > 0);
    assertEquals(Files.size(work.resolve("c.tar")), Files.size(work.resolve("c2.tar")));
    assertTrue(ok(docker(sim, "import c.tar flat:v1")).startsWith("sha256:"));
    assertTrue(ok(sim.host("docker import - flat:v2 < c.tar")).startsWith("sha256:"));
    assertEquals("/made\n", ok(docker(sim, "run --rm flat:v1 ls /made")));
  }

  @Test
  void saveToTheTerminal_isRefusedAsTheCliRefusesIt() {
    DockerSimulator sim = sim(Workspace.at(work));
    CommandResult r = docker(sim, "save busybox");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("cowardly refusing to save to a terminal"), r.stderr());
  }

  @Test
  void pathsOutsideTheWorkspace_stayInTheSimulatedHost() throws IOException {
    DockerSimulator sim = sim(Workspace.at(work));
    ok(docker(sim, "run -d --name ct busybox sleep 1000"));
    Path realTarget = Path.of("/tmp/" + outside.getFileName() + "-hostname");
    ok(docker(sim, "cp ct:/etc/hostname " + realTarget));
    assertFalse(Files.exists(realTarget), "an absolute path is the simulated host's");
    assertTrue(ok(sim.host("cat " + realTarget)).length() > 0);
    ok(docker(sim, "cp ct:/etc/hostname ../../../../tmp/x"));
    assertEquals("", ok(sim.host("ls /root")));
    ok(sim.host("echo x > /etc/written-by-learner"));
    assertFalse(Files.exists(Path.of("/etc/written-by-learner")));
    CommandResult opt = docker(sim, "cp -a /opt ct:/");
    assertEquals(1, opt.exitCode());
    assertEquals("lstat /opt: no such file or directory\n", opt.stderr());
  }

  @Test
  void symlinksInTheWorkspace_neverLeadOut() throws IOException {
    Files.writeString(outside.resolve("secret"), "real secret\n");
    Files.createSymbolicLink(work.resolve("abs"), outside.resolve("secret"));
    Files.createSymbolicLink(work.resolve("rel"), Path.of("../" + outside.getFileName()));
    Files.createSymbolicLink(work.resolve("up"), Path.of(".."));
    DockerSimulator sim = sim(Workspace.at(work));
    CommandResult abs = sim.host("cat abs");
    assertEquals(1, abs.exitCode());
    assertFalse(abs.stdout().contains("real secret"));
    assertEquals(1, sim.host("ls rel/").exitCode());
    assertEquals(1, sim.host("cat up/" + outside.getFileName() + "/secret").exitCode());
    ok(sim.host("echo inside > abs2 && ln -s /root/abs2 link"));
    assertEquals("inside\n", ok(sim.host("cat link")), "a link that stays inside is followed");
    assertEquals(1, sim.host("echo overwrite > abs").exitCode());
    assertEquals("real secret\n", Files.readString(outside.resolve("secret")));
    ok(docker(sim, "run -d --name ct busybox sleep 1000"));
    ok(docker(sim, "cp abs ct:/copied"));
    assertEquals(
        outside.resolve("secret") + "\n",
        ok(docker(sim, "exec ct readlink /copied")),
        "docker cp copies a link as a link, without reading its target");
    Files.writeString(work.resolve("Dockerfile"), "FROM busybox\nCOPY abs /x\n");
    CommandResult build = docker(sim, "build -t leak .");
    assertEquals(1, build.exitCode(), "the link's target is not in the context");
    assertTrue(build.stderr().contains("file not found in build context"), build.stderr());
  }

  @Test
  void importFile_readsANamedRealFile_intoTheHost() throws IOException {
    Files.writeString(outside.resolve("notes.txt"), "from elsewhere\n");
    DockerSimulator sim = sim(Workspace.inMemory());
    sim.importFile(outside.resolve("notes.txt"), ".");
    assertEquals("from elsewhere\n", ok(sim.host("cat /root/notes.txt")));
  }

  @Test
  void writesPastTheDisk_failWithNoSpaceLeft_andDfReportsTheDisk() throws IOException {
    DockerSimulator sim = sim(Workspace.at(work).withDisk(1_000_000));
    String df = ok(sim.host("df"));
    assertTrue(df.contains("/dev/vda") && df.contains(" 976 "), df);
    CommandResult save = sim.host("docker save busybox > bb.tar");
    assertEquals(1, save.exitCode());
    assertTrue(save.stderr().contains("no space left on device"), save.stderr());
    CommandResult saveO = docker(sim, "save -o bb2.tar busybox");
    assertEquals(1, saveO.exitCode());
    assertTrue(saveO.stderr().contains("no space left on device"), saveO.stderr());
    assertFalse(Files.exists(work.resolve("bb2.tar")));
    CommandResult dd = sim.host("dd if=/dev/zero of=big bs=1024 count=2000");
    assertEquals(1, dd.exitCode());
    assertTrue(dd.stderr().contains("No space left on device"), dd.stderr());
    ok(docker(sim, "run -d --name ct busybox sleep 1000"));
    CommandResult cp = docker(sim, "cp ct:/bin/busybox .");
    assertEquals(1, cp.exitCode());
    assertTrue(cp.stderr().contains("No space left on device"), cp.stderr());
    ok(sim.host("rm -f big busybox bb.tar"));
    try (Stream<Path> files = Files.walk(work)) {
      long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      assertTrue(bytes <= 1_000_000, "the disk holds at most its size: " + bytes);
    }
    ok(sim.host("echo still works > small"));
  }

  @Test
  void aFileOverTheReadBound_isRefused_notReadWhole() throws IOException {
    DockerSimulator sim = sim(Workspace.at(work).withMaxFile(4096));
    Files.write(work.resolve("big.tar"), new byte[10_000]);
    CommandResult load = docker(sim, "load -i big.tar");
    assertEquals(1, load.exitCode());
    assertTrue(load.stderr().contains("file too large"), load.stderr());
    Files.writeString(work.resolve("Dockerfile"), "FROM busybox\nCOPY big.tar /\n");
    CommandResult build = docker(sim, "build .");
    assertEquals(1, build.exitCode());
    assertTrue(build.stderr().contains("File too large"), build.stderr());
    assertEquals("text".getBytes(StandardCharsets.UTF_8).length, 4, "small files still go through");
  }
}
