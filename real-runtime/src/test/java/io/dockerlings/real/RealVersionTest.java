package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealVersionTest {
  @TempDir Path state;

  @Test
  void server_isLaidOutAsTheCliLaysItOut() throws Exception {
    JsonNode v =
        new ObjectMapper()
            .readTree(
                "{\"Platform\":{\"Name\":\"Docker Engine - Community\"},\"Components\":["
                    + "{\"Name\":\"Engine\",\"Version\":\"24.0.7\",\"Details\":{\"ApiVersion\":"
                    + "\"1.43\",\"Arch\":\"arm64\",\"BuildTime\":\"2023-10-26T09:08:02.000000000"
                    + "+00:00\",\"Experimental\":\"false\",\"GitCommit\":\"311b9ff\",\"GoVersion\":"
                    + "\"go1.20.10\",\"MinAPIVersion\":\"1.12\",\"Os\":\"linux\"}},"
                    + "{\"Name\":\"runc\",\"Version\":\"1.1.9\",\"Details\":{\"GitCommit\":"
                    + "\"v1.1.9-0\"}}]}");
    String text = RealVersion.server(v);
    assertTrue(
        text.startsWith(
            "Server: Docker Engine - Community\n Engine:\n  Version:          24.0.7\n"
                + "  API version:      1.43 (minimum version 1.12)\n"
                + "  Go version:       go1.20.10\n  Git commit:       311b9ff\n  Built:   "),
        text);
    assertTrue(
        text.endsWith(
            "  OS/Arch:          linux/arm64\n  Experimental:     false\n runc:\n"
                + "  Version:          1.1.9\n  GitCommit:        v1.1.9-0\n"),
        text);
  }

  @Test
  @Tag("real-engine")
  void version_clientIsTheImitatedCliAndServerIsTheEngine() throws Exception {
    Twin.assumeEngine();
    Twin twin = Twin.open(state);
    try {
      String real = twin.real("docker version").stdout();
      String sim = twin.sim("docker version").stdout();
      assertEquals(
          sim.substring(0, sim.indexOf("Server:")), real.substring(0, real.indexOf("Server:")));
      JsonNode engine = Twin.LOCATOR.api().call("GET", "/version");
      assertTrue(real.contains("\n  Version:          " + engine.path("Version").asText() + "\n"));
      CommandResult f =
          twin.real("docker version --format '{{.Client.Version}} {{.Server.ApiVersion}}'");
      assertEquals("20.10.24+dfsg1 " + engine.path("ApiVersion").asText() + "\n", f.stdout());
      CommandResult bad = twin.real("docker version --format '{{.Nope'");
      assertEquals(64, bad.exitCode());
      assertTrue(bad.stderr().startsWith("template parsing error: template: version:"));
    } finally {
      twin.close();
    }
  }
}
