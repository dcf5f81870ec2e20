package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryTagsTest {
  @Test
  void tags_areReadFromTheRegistrysHttpApi_andNoAnswerOrABadNameIsEmpty() throws Exception {
    HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    registry.createContext(
        "/v2/",
        x -> {
          boolean known = x.getRequestURI().getPath().equals("/v2/tools/busybox/tags/list");
          byte[] body =
              (known
                      ? "{\"name\":\"tools/busybox\",\"tags\":[\"v1\",\"v2\"]}"
                      : "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}")
                  .getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(known ? 200 : 404, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    registry.start();
    String host = "127.0.0.1:" + registry.getAddress().getPort();
    try {
      assertEquals(Optional.of(List.of("v1", "v2")), RegistryTags.of(host, "tools/busybox"));
      // The registry answers that it holds no such repository.
      assertEquals(Optional.of(List.of()), RegistryTags.of(host, "tools/nothing"));
      assertEquals(Optional.empty(), RegistryTags.of(host, "../../etc"));
      assertEquals(Optional.empty(), RegistryTags.of("127.0.0.1:0/x?", "tools/busybox"));
    } finally {
      registry.stop(0);
    }
    // Nobody listens there any more.
    assertEquals(Optional.empty(), RegistryTags.of(host, "tools/busybox"));
  }

  @Test
  void anAnswerOtherThanTheTagsOrNotFound_isEmpty() throws Exception {
    HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    registry.createContext(
        "/v2/",
        x -> {
          x.sendResponseHeaders(401, -1);
          x.close();
        });
    registry.start();
    try {
      assertEquals(
          Optional.empty(),
          RegistryTags.of("127.0.0.1:" + registry.getAddress().getPort(), "tools/busybox"));
    } finally {
      registry.stop(0);
    }
  }
}
