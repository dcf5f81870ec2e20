package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScopedHttpClientTest {
  private static final String ID =
      "3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";

  /** What the engine side received: method, path and body of each request. */
  private final List<String> seen = new ArrayList<>();

  private static DockerHttpClient.Response answer(int status, String type, String body) {
    return new DockerHttpClient.Response() {
      @Override
      public int getStatusCode() {
        return status;
      }

      @Override
      public Map<String, List<String>> getHeaders() {
        return Map.of("Content-Type", List.of(type));
      }

      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void close() {}
    };
  }

  private ScopedHttpClient client(Function<DockerHttpClient.Request, DockerHttpClient.Response> e) {
    DockerHttpClient engine =
        new DockerHttpClient() {
          @Override
          public Response execute(Request r) {
            String body = "";
            if (r.bodyBytes() != null) {
              body = new String(r.bodyBytes(), StandardCharsets.UTF_8);
            }
            seen.add(r.method() + " " + r.path() + (body.isEmpty() ? "" : " " + body));
            return e.apply(r);
          }

          @Override
          public void close() {}
        };
    return new ScopedHttpClient(engine, NameScope.of("s1", new PortScope(() -> 40001)));
  }

  private static String read(DockerHttpClient.Response r) throws IOException {
    try (InputStream in = r.getBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static DockerHttpClient.Request request(String method, String path, String body) {
    DockerHttpClient.Request.Builder b =
        DockerHttpClient.Request.builder().method(method).path(path);
    if (body != null) {
      b.body(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
    return b.build();
  }

  @Test
  void execute_namedCreate_goesOutInEngineNames_andTheErrorComesBackInTheLearners()
      throws IOException {
    ScopedHttpClient c =
        client(
            r ->
                answer(
                    409,
                    "application/json",
                    "{\"message\":\"Conflict. The container name \\\"/dl-s1.web\\\" is already in"
                        + " use by container \\\""
                        + ID
                        + "\\\".\"}"));
    String body =
        read(
            c.execute(
                request(
                    "POST",
                    "/containers/create?name=web",
                    "{\"HostConfig\":{\"NetworkMode\":\"net\"}}")));
    assertEquals(
        "{\"message\":\"Conflict. The container name \\\"/web\\\" is already in use by container"
            + " \\\""
            + ID
            + "\\\".\"}",
        body);
    assertEquals(1, seen.size());
    assertTrue(seen.get(0).startsWith("POST /containers/create?name=dl-s1.web {"), seen.get(0));
    assertTrue(seen.get(0).contains("\"NetworkMode\":\"dl-s1.net\""), seen.get(0));
    assertTrue(seen.get(0).contains("\"dl-s1.net\":{\"Aliases\":[\"web\"]}"), seen.get(0));
  }

  @Test
  void execute_unnamedCreate_isRenamedIntoTheSessionsNames() throws IOException {
    ScopedHttpClient c =
        client(
            r -> {
              if (r.path().startsWith("/containers/create")) {
                return answer(201, "application/json", "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
              }
              if (r.path().endsWith("/json")) {
                return answer(200, "application/json", "{\"Name\":\"/suspicious_vaughan\"}");
              }
              return answer(204, "text/plain", "");
            });
    String body = read(c.execute(request("POST", "/containers/create", "{}")));
    assertEquals("{\"Id\":\"" + ID + "\",\"Warnings\":[]}", body);
    assertEquals(
        List.of(
            "POST /containers/create {}",
            "GET /containers/" + ID + "/json",
            "POST /containers/" + ID + "/rename?name=dl-s1.suspicious_vaughan"),
        seen);
  }

  @Test
  void execute_rawStreams_passUnchanged_andOtherBodiesAreNotRead() throws IOException {
    ScopedHttpClient c = client(r -> answer(200, "application/vnd.docker.raw-stream", "dl-s1.web"));
    assertEquals("dl-s1.web", read(c.execute(request("GET", "/containers/web/logs", null))));
    assertEquals("GET /containers/dl-s1.web/logs", seen.get(0));
    InputStream tar = new ByteArrayInputStream(new byte[] {1, 2, 3});
    ScopedHttpClient keep =
        client(
            r -> {
              if (r.path().equals("/images/json")) {
                return answer(200, "application/json", "[]");
              }
              assertSame(tar, r.body(), "a build context is passed on as the same stream");
              return answer(200, "application/json", "{}");
            });
    keep.execute(
        DockerHttpClient.Request.builder().method("POST").path("/build").body(tar).build());
    assertEquals("POST /build", seen.get(seen.size() - 1));
  }

  @Test
  void execute_build_takesCacheOnlyFromTheSessionsAndSharedImages() throws IOException {
    ScopedHttpClient c =
        client(
            r ->
                r.path().equals("/images/json")
                    ? answer(
                        200,
                        "application/json",
                        "[{\"Id\":\"sha256:aa\",\"RepoTags\":[\"busybox:latest\"]},"
                            + "{\"Id\":\"sha256:bb\",\"RepoTags\":[\"dl-s2.app:latest\"]},"
                            + "{\"Id\":\"sha256:cc\",\"RepoTags\":[\"<none>:<none>\"],"
                            + "\"Labels\":{\"io.dockerlings.sandbox\":\"s1\"}},"
                            + "{\"Id\":\"sha256:dd\",\"RepoTags\":[\"dl-s1.app:v1\"]}]")
                    : answer(200, "application/json", "{}"));
    c.execute(request("POST", "/build?t=app%3Av2&q=1", null));
    assertEquals(
        "POST /build?t=dl-s1.app%3Av2&q=1&cachefrom="
            + java.net.URLEncoder.encode(
                "[\"sha256:aa\",\"sha256:cc\",\"sha256:dd\"]", StandardCharsets.UTF_8),
        seen.get(seen.size() - 1));
    c.execute(request("POST", "/build?t=app&nocache=1", null));
    assertEquals("POST /build?t=dl-s1.app&nocache=1", seen.get(seen.size() - 1));
  }

  @Test
  void execute_containerInspect_losesTheAliasTheScopeAdded() throws IOException {
    ScopedHttpClient c =
        client(
            r ->
                answer(
                    200,
                    "application/json",
                    "{\"Name\":\"/dl-s1.db\",\"NetworkSettings\":{\"Networks\":{\"dl-s1.net\":"
                        + "{\"Aliases\":[\"db\",\"3f2a1b4c5d6e\"]}}}}"));
    assertEquals(
        "{\"Name\":\"/db\",\"NetworkSettings\":{\"Networks\":{\"net\":"
            + "{\"Aliases\":[\"3f2a1b4c5d6e\"]}}}}",
        read(c.execute(request("GET", "/containers/db/json", null))));
    assertEquals("GET /containers/db/json", seen.get(0));
  }

  @Test
  void execute_connectToOwnNetwork_addsTheContainersNameAsAlias() throws IOException {
    ScopedHttpClient c =
        client(
            r -> {
              if (r.path().equals("/networks/dl-s1.net")) {
                return answer(200, "application/json", "{\"Name\":\"dl-s1.net\"}");
              }
              if (r.path().equals("/containers/" + ID + "/json")) {
                return answer(200, "application/json", "{\"Name\":\"/dl-s1.site\"}");
              }
              return answer(200, "application/json", "{}");
            });
    c.execute(
        request(
            "POST",
            "/networks/net/connect",
            "{\"Container\":\"" + ID + "\",\"EndpointConfig\":{\"Aliases\":[]}}"));
    String sent = seen.get(seen.size() - 1);
    assertTrue(sent.startsWith("POST /networks/dl-s1.net/connect "), sent);
    assertTrue(sent.contains("\"Aliases\":[\"site\"]"), sent);
  }

  @Test
  void execute_createWithAPortAndASessionImage_goesOutOnTheSessionsPortAndTag() throws IOException {
    ScopedHttpClient c =
        client(
            r ->
                r.path().equals("/images/dl-s1.app/json")
                    ? answer(200, "application/json", "{}")
                    : answer(201, "application/json", "{\"Id\":\"" + ID + "\"}"));
    c.execute(
        request(
            "POST",
            "/containers/create?name=web",
            "{\"Image\":\"app\",\"HostConfig\":{\"PortBindings\":{\"80/tcp\":"
                + "[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}}}"));
    String sent = seen.get(seen.size() - 1);
    assertTrue(sent.startsWith("POST /containers/create?name=dl-s1.web "), sent);
    assertTrue(sent.contains("\"Image\":\"dl-s1.app\""), sent);
    assertTrue(sent.contains("\"HostPort\":\"40001\""), sent);
  }

  @Test
  void execute_containerList_showsTheLearnersPort_withTheEnginesStatusAndHeaders()
      throws IOException {
    ScopedHttpClient c =
        client(
            r ->
                answer(
                    200,
                    "application/json",
                    "[{\"Names\":[\"/dl-s1.web\"],\"Ports\":[{\"IP\":\"0.0.0.0\","
                        + "\"PrivatePort\":80,\"PublicPort\":40001,\"Type\":\"tcp\"}]}]"));
    c.execute(
            request(
                "POST",
                "/containers/create?name=web",
                "{\"HostConfig\":{\"PortBindings\":" + "{\"80/tcp\":[{\"HostPort\":\"8080\"}]}}}"))
        .close();
    DockerHttpClient.Response listed = c.execute(request("GET", "/containers/json?all=1", null));
    assertEquals(200, listed.getStatusCode());
    assertEquals(List.of("application/json"), listed.getHeaders().get("Content-Type"));
    assertEquals(
        "[{\"Names\":[\"/web\"],\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,"
            + "\"PublicPort\":8080,\"Type\":\"tcp\"}]}]",
        read(listed));
  }

  @Test
  void execute_pushStream_namesTheLearnersRegistryPort() throws IOException {
    ScopedHttpClient c =
        client(
            r ->
                answer(
                    200,
                    "application/json",
                    "{\"status\":\"The push refers to repository [localhost:40001/app]\"}"));
    String out =
        read(c.execute(request("POST", "/images/localhost%3A5000%2Fapp/push?tag=v1", null)));
    assertEquals("POST /images/localhost%3A40001%2Fapp/push?tag=v1", seen.get(0));
    assertEquals("{\"status\":\"The push refers to repository [localhost:5000/app]\"}", out);
  }
}
