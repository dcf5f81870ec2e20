package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageCommandsTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void commit_keepsTheContainersLabels_andRecordsItsCmdAlone() {
    docker("create --name labelled -l k=v --entrypoint echo busybox hi");
    docker("commit labelled kept:v1");
    assertEquals("map[k:v]\n", docker("inspect -f '{{.Config.Labels}}' kept:v1").stdout());
    assertEquals(
        "hi\n",
        docker("history --format '{{.CreatedBy}}' kept:v1").stdout().lines().findFirst().get()
            + "\n");
  }

  @Test
  void rmi_lastTagOfAnImageWithChildren_onlyUntagsIt() {
    docker("create --name base busybox");
    docker("commit base parent:v1");
    docker("run --name child parent:v1 true");
    docker("commit child child:v1");
    docker("rm base child");
    assertEquals("Untagged: parent:v1\n", docker("rmi parent:v1").stdout());
    String out = docker("rmi child:v1").stdout();
    assertEquals(2, out.lines().filter(l -> l.startsWith("Deleted: sha256:")).count(), out);
  }

  @Test
  void commit_keepsTheAnonymousVolumes_butNotNamedOnesOrBinds() {
    docker("create --name vols -v /data -v named:/named -v /tmp:/bound busybox");
    assertEquals("map[/data:{}]\n", docker("inspect -f '{{.Config.Volumes}}' vols").stdout());
    docker("commit vols withvol:v1");
    assertEquals("map[/data:{}]\n", docker("inspect -f '{{.Config.Volumes}}' withvol:v1").stdout());
  }

  @Test
  void digestReference_matchesOnlyThePulledDigest() {
    docker("pull alpine");
    String digest = docker("images --digests --format {{.Digest}} alpine").stdout().strip();
    String id = docker("images -q --no-trunc alpine").stdout().strip();
    assertEquals(id + "\n", docker("inspect -f {{.Id}} alpine@" + digest).stdout());
    String other = "sha256:" + "0".repeat(64);
    assertEquals(1, docker("inspect alpine@" + other).exitCode());
    CommandResult pull = docker("pull alpine@" + other);
    assertEquals(1, pull.exitCode());
    assertEquals(
        "Error response from daemon: manifest for alpine@"
            + other
            + " not found: manifest unknown: manifest unknown\n",
        pull.stderr());
    // Removing by a digest the image does not have leaves it alone.
    assertEquals(1, docker("rmi alpine@" + other).exitCode());
    assertEquals(id + "\n", docker("images -q --no-trunc alpine").stdout());
  }

  @Test
  void rmi_ofOneOfTwoCommitsOfOneContainer_keepsTheLayerTheOtherHolds() {
    docker("run --name once busybox sh -c 'echo x > /x'");
    docker("commit once first:v1");
    docker("commit once second:v1");
    String layer = "'{{index .RootFS.Layers 1}}'";
    String diffId = docker("inspect -f " + layer + " second:v1").stdout().strip();
    assertEquals(diffId + "\n", docker("inspect -f " + layer + " first:v1").stdout());
    String first = docker("rmi first:v1").stdout();
    assertEquals(1, first.lines().filter(l -> l.startsWith("Deleted: ")).count(), first);
    String second = docker("rmi second:v1").stdout();
    List<String> deleted = second.lines().filter(l -> l.startsWith("Deleted: ")).toList();
    assertEquals(2, deleted.size(), second);
    // The layer is named by its chain id (over busybox's layer), not by its diff id.
    assertEquals(false, deleted.get(1).contains(diffId), second);
    assertEquals(true, deleted.get(1).matches("Deleted: sha256:[0-9a-f]{64}"), second);
  }

  @Test
  void commit_ofTwoContainersWritingTheSame_makesALayerForEach() {
    docker("run --name one busybox sh -c 'echo x > /x'");
    docker("run --name two busybox sh -c 'echo x > /x'");
    docker("commit one one:v1");
    docker("commit two two:v1");
    String layer = "'{{index .RootFS.Layers 1}}'";
    String a = docker("inspect -f " + layer + " one:v1").stdout();
    assertEquals(false, a.equals(docker("inspect -f " + layer + " two:v1").stdout()), a);
    String out = docker("rmi one:v1").stdout();
    assertEquals(2, out.lines().filter(l -> l.startsWith("Deleted: ")).count(), out);
  }

  @Test
  void pushThenPull_ofACommit_printTheEnginesManifestSizeAndPullStatusLines() {
    // As Docker 20.10.24 printed them (fidelity suite, images): 735 bytes for busybox plus a
    // five-byte layer; a new layer's four status lines when the output is not a terminal.
    docker("run -d --name reg -p 5000:5000 registry:2");
    docker("run --name writer busybox sh -c 'echo data > /data.txt'");
    docker("commit writer localhost:5000/mine");
    String push = docker("push localhost:5000/mine").stdout();
    assertEquals(true, push.strip().endsWith(" size: 735"), push);
    docker("rmi localhost:5000/mine");
    docker("rm writer");
    List<String> pull =
        docker("pull localhost:5000/mine")
            .stdout()
            .lines()
            .map(l -> l.replaceFirst("^[0-9a-f]{12}: ", "ID: "))
            .toList();
    assertEquals(
        List.of(
            "Using default tag: latest",
            "latest: Pulling from mine",
            "ID: Already exists",
            "ID: Pulling fs layer",
            "ID: Verifying Checksum",
            "ID: Download complete",
            "ID: Pull complete"),
        pull.subList(0, 7),
        String.join("\n", pull));
  }
}
