package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DaemonConfigTest {
  @Test
  void mirror_getsOneTrailingSlash() {
    assertEquals(
        "https://ukblsmil.mirror.aliyuncs.com/",
        DaemonConfig.mirror("https://ukblsmil.mirror.aliyuncs.com"));
    assertEquals(
        "https://docker.mirrors.ustc.edu.cn/",
        DaemonConfig.mirror("https://docker.mirrors.ustc.edu.cn/"));
  }

  @Test
  void mirror_withoutSchemeOrWithPath_isRefused() {
    Failure noScheme = assertThrows(Failure.class, () -> DaemonConfig.mirror("hub.c.163.com"));
    assertTrue(noScheme.getMessage().contains("unsupported scheme \"\""), noScheme.getMessage());
    Failure path =
        assertThrows(Failure.class, () -> DaemonConfig.mirror("https://hub.c.163.com/library"));
    assertTrue(path.getMessage().contains("path, query, or fragment"), path.getMessage());
  }
}
