package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImagesTest {
  private static final EngineLocator LOCATOR = new EngineLocator();
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  @TempDir Path state;

  private static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
    Map<String, TarArchiveEntry> m = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextTarEntry()) != null) {
        m.put(e.getName(), e);
      }
    }
    return m;
  }

  @Test
  void busyboxContext_holdsTheBinaryALinkPerAppletAndTheUsers() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "no static busybox at /bin/busybox");
    BaseImages images = new BaseImages(null, BUSYBOX, Path.of("/nonexistent"));
    Map<String, TarArchiveEntry> tar = entries(images.busyboxContext());
    assertTrue(tar.containsKey("Dockerfile"));
    assertEquals(Files.size(BUSYBOX), tar.get("rootfs/bin/busybox").getSize());
    assertEquals("busybox", tar.get("rootfs/bin/sh").getLinkName());
    assertTrue(tar.get("rootfs/bin/wget").isSymbolicLink());
    assertTrue(tar.containsKey("rootfs/etc/passwd"));
    assertEquals(01777, tar.get("rootfs/tmp/").getMode() & 07777);
  }

  @Test
  void missing_forABaseImageThatCannotBeBuilt_namesThePackage() throws Exception {
    Assumptions.assumeTrue(LOCATOR.available(), "no Docker engine reachable: skipped");
    BaseImages images =
        new BaseImages(LOCATOR.api(), Path.of("/nonexistent/busybox"), Path.of("/nonexistent/r"));
    Optional<String> why = images.missing("dl-rt-nothing-here:latest");
    assertEquals(Optional.empty(), why, "not a base image: the engine's own error says enough");
  }

  @Test
  @Tag("real-engine")
  void build_ofTheBusyboxContext_runsAShellWithEveryApplet() throws Exception {
    Assumptions.assumeTrue(LOCATOR.available(), "no Docker engine reachable: skipped");
    Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "no static busybox at /bin/busybox");
    BaseImages images = new BaseImages(LOCATOR.api(), BUSYBOX, Path.of("/nonexistent"));
    String tag = "dl-rt-busybox:test";
    images.build(images.busyboxContext(), tag);
    try (RealEngine engine = RealEngine.connect(LOCATOR, RealOptions.in(state))) {
      CommandResult r =
          engine.execute(
              CommandLine.split("docker run --rm " + tag + " sh -c 'id -un; ls /bin | wc -l'"), "");
      assertEquals(0, r.exitCode(), r.stderr());
      Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
      long applets = new String(list.getInputStream().readAllBytes()).lines().count();
      assertEquals("root\n" + applets + "\n", r.stdout());
    } finally {
      LOCATOR.api().client().removeImageCmd(tag).withForce(true).exec();
    }
  }
}
