package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealBackendTest {
  @TempDir Path dir;

  @Test
  void host_saysRealModeRunsOnlyDocker_inTheSessionsLanguage() {
    RealBackend real = new RealBackend(new EngineLocator(), () -> RealOptions.in(dir));
    assertEquals(
        "dockerlings: in real mode only docker commands run here; use your own terminal for the"
            + " host, or `mode sim` for the simulated one.\n",
        real.host("ls").stderr());
    real.language(Messages.forLanguage("zh-CN").orElseThrow());
    assertEquals(
        "dockerlings：真实模式下这里只执行 docker 命令；宿主机的命令请在你自己的终端里执行，或输入 mode sim 使用模拟的宿主机。\n",
        real.host("ls").stderr());
  }
}
