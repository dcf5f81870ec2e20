package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RealRegistryTest extends TwinTest {

  /** Starts registry:2 in the sandbox on a free port and waits until it answers. */
  private String registry() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CommandResult run =
        twin.real(
            "docker run -d --name dl-ri-t-registry -p 127.0.0.1:" + port + ":5000 registry:2");
    assertEquals(0, run.exitCode(), run.stderr());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // The session's port 'port' is, on the engine, another: the one the session was given for it.
    URI v2 = URI.create("http://" + twin.real.engineHost("127.0.0.1:" + port) + "/v2/");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        int status =
            http.send(HttpRequest.newBuilder(v2).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return "127.0.0.1:" + port;
        }
      } catch (java.io.IOException notYet) {
        // the registry is still starting
      }
      assertTrue(System.nanoTime() < deadline, "registry:2 did not answer within 20 s");
      Thread.sleep(100);
    }
  }

  @Test
  void push_toSandboxRegistry_printsTheCliProgressLines() throws Exception {
    String host = registry();
    twin.real("docker tag busybox " + host + "/dl-ri-t-bb:v1");
    CommandResult first = twin.real("docker push " + host + "/dl-ri-t-bb:v1");
    assertEquals(0, first.exitCode(), first.stderr());
    String layers =
        "(?:[0-9a-f]{12}: Preparing\n)+(?:[0-9a-f]{12}: (?:Pushed|Layer already exists)\n)+";
    String digest = "v1: digest: sha256:[0-9a-f]{64} size: \\d+\n";
    assertTrue(
        first
            .stdout()
            .matches(
                "The push refers to repository \\["
                    + host.replace(".", "\\.")
                    + "/dl-ri-t-bb\\]\n"
                    + layers
                    + digest),
        first.stdout());
    CommandResult again = twin.real("docker push " + host + "/dl-ri-t-bb:v1");
    assertTrue(again.stdout().contains(": Layer already exists\n"), again.stdout());
    twin.real("docker rmi " + host + "/dl-ri-t-bb:v1");
    CommandResult pull = twin.real("docker pull " + host + "/dl-ri-t-bb:v1");
    assertEquals(0, pull.exitCode(), pull.stderr());
    assertTrue(pull.stdout().startsWith("v1: Pulling from dl-ri-t-bb\n"), pull.stdout());
    assertTrue(pull.stdout().endsWith("\n" + host + "/dl-ri-t-bb:v1\n"), pull.stdout());
    twin.real("docker rmi " + host + "/dl-ri-t-bb:v1");
    CommandResult run = twin.real("docker run --rm " + host + "/dl-ri-t-bb:v1 echo hi");
    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("hi\n", run.stdout());
    assertTrue(
        run.stderr()
            .startsWith(
                "Unable to find image '"
                    + host
                    + "/dl-ri-t-bb:v1' locally\n"
                    + "v1: Pulling from dl-ri-t-bb\n"),
        run.stderr());
    assertTrue(
        run.stderr().endsWith("Status: Downloaded newer image for " + host + "/dl-ri-t-bb:v1\n"),
        run.stderr());
  }

  @Test
  void push_missingTagOrNoRegistry_isTheEnginesError() throws Exception {
    String host = registry();
    CommandResult missing = twin.real("docker push " + host + "/dl-ri-t-nosuch");
    assertEquals(1, missing.exitCode());
    assertEquals(
        "Using default tag: latest\nThe push refers to repository [" + host + "/dl-ri-t-nosuch]\n",
        missing.stdout());
    assertEquals(
        "An image does not exist locally with the tag: " + host + "/dl-ri-t-nosuch\n",
        missing.stderr());
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    twin.real("docker tag busybox 127.0.0.1:" + closed + "/dl-ri-t-bb:v1");
    CommandResult refused = twin.real("docker push 127.0.0.1:" + closed + "/dl-ri-t-bb:v1");
    assertEquals(1, refused.exitCode());
    assertEquals(
        "Get \"http://127.0.0.1:"
            + closed
            + "/v2/\": dial tcp 127.0.0.1:"
            + closed
            + ": connect: connection refused\n",
        refused.stderr());
    CommandResult bad = twin.real("docker push MyApp");
    assertEquals(1, bad.exitCode());
    assertEquals("invalid reference format: repository name must be lowercase\n", bad.stderr());
  }
}
