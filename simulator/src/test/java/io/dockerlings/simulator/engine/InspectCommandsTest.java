package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectCommandsTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void logs_details_putsTheEmptyAttributesSpaceFirst() {
    docker("run --name talk busybox echo hi");
    assertEquals(" hi\n", docker("logs --details talk").stdout());
  }

  @Test
  void inspect_size_addsTheContainerSizes_andIsNilWithout() {
    docker("run --name writer busybox sh -c 'echo abc > /f'");
    assertEquals("<nil>\n", docker("inspect -f '{{.SizeRw}}' writer").stdout());
    assertEquals("4\n", docker("inspect -s -f '{{.SizeRw}}' writer").stdout());
  }

  @Test
  void inspect_sizeOnAnImage_warnsThatItIsIgnored() {
    CommandResult r = docker("inspect -s -f '{{.Os}}' busybox");
    assertEquals("linux\n", r.stdout());
    assertEquals("WARNING: --size ignored for image\n", r.stderr());
  }

  @Test
  void inspect_typeVolume_findsVolumesAndNamesTheKindWhenMissing() {
    docker("volume create data");
    assertEquals("data\n", docker("inspect --type volume -f '{{.Name}}' data").stdout());
    assertEquals("Error: No such volume: gone\n", docker("inspect --type volume gone").stderr());
  }

  @Test
  void inspect_binds_holdNamedVolumesAndBindsAsWritten() {
    docker("create --name mounted -v /anon -v named:/n:ro -v /tmp:/b busybox");
    assertEquals(
        "[named:/n:ro /tmp:/b]\n", docker("inspect -f '{{.HostConfig.Binds}}' mounted").stdout());
  }
}
