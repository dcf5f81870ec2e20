package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealCopyTest {
  @TempDir Path state;
  @TempDir Path disk;
  private EnginePair both;

  @BeforeEach
  void open() throws Exception {
    both = EnginePair.open(state);
    both.same("docker run -d --name dl-rc-cp busybox sleep 1000");
  }

  @AfterEach
  void close() {
    both.close();
  }

  @Test
  void cp_outOfTheContainer_renamesOrGoesIntoADirectory() throws Exception {
    both.real("docker exec dl-rc-cp sh -c 'mkdir -p /d/sub && echo inside > /d/sub/in.txt'");
    CommandResult r = both.real("docker cp dl-rc-cp:/d/sub/in.txt " + disk.resolve("out.txt"));
    assertEquals("", r.stdout() + r.stderr());
    assertEquals(0, r.exitCode());
    assertEquals("inside\n", Files.readString(disk.resolve("out.txt")));
    both.real("docker cp dl-rc-cp:/d " + disk);
    assertEquals("inside\n", Files.readString(disk.resolve("d/sub/in.txt")));
    both.real("docker cp dl-rc-cp:/d " + disk.resolve("copy"));
    assertEquals("inside\n", Files.readString(disk.resolve("copy/sub/in.txt")));
  }

  @Test
  void cp_intoTheContainer_fileAndDirectory() throws Exception {
    Files.writeString(disk.resolve("back.txt"), "from disk\n");
    Files.createDirectories(disk.resolve("tree/a"));
    Files.writeString(disk.resolve("tree/a/f"), "leaf\n");
    assertEquals(
        0, both.real("docker cp " + disk.resolve("back.txt") + " dl-rc-cp:/root/b.txt").exitCode());
    assertEquals("from disk\n", both.real("docker exec dl-rc-cp cat /root/b.txt").stdout());
    both.real("docker cp " + disk.resolve("back.txt") + " dl-rc-cp:/tmp/");
    assertEquals("from disk\n", both.real("docker exec dl-rc-cp cat /tmp/back.txt").stdout());
    both.real("docker cp " + disk.resolve("tree") + " dl-rc-cp:/srv");
    assertEquals("leaf\n", both.real("docker exec dl-rc-cp cat /srv/a/f").stdout());
  }

  @Test
  void cp_errors_matchTheSimulator() {
    both.same("docker cp dl-rc-cp:/nosuch /tmp/dl-rc-cp-x");
    both.same("docker cp nosuch-dl-rc:/etc/hostname /tmp/dl-rc-cp-y");
    both.same("docker cp /tmp/dl-rc-nosuch dl-rc-cp:/tmp/");
    both.same("docker cp /tmp/a /tmp/b");
    both.same("docker cp /etc/hostname dl-rc-cp:/nosuchdir/sub/");
  }

  @Test
  void cp_fromAStoppedContainer_works() throws Exception {
    both.real("docker exec dl-rc-cp sh -c 'echo kept > /kept'");
    both.real("docker stop -t 0 dl-rc-cp");
    both.real("docker cp dl-rc-cp:/kept " + disk.resolve("kept"));
    assertTrue(Files.readString(disk.resolve("kept")).equals("kept\n"));
  }
}
