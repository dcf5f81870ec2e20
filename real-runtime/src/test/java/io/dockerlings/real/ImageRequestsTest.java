package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageRequestsTest {
  private final Set<String> engine = Set.of("dl-s1.app", "dl-s1.app:latest", "busybox");
  private final ImageRequests requests =
      new ImageRequests(ImageScope.of("dl-s1.", new PortScope(() -> 40001)), engine::contains);

  @Test
  void path_objectPaths_reachTheSessionsTag_orTheSharedImage() {
    assertEquals("/images/dl-s1.app/json", requests.path("GET", "/images/app/json"));
    assertEquals(
        "/v1.41/images/dl-s1.app/history", requests.path("GET", "/v1.41/images/app/history"));
    assertEquals("/images/busybox/json", requests.path("GET", "/images/busybox/json"));
    assertEquals(
        "/images/dl-s1.app?force=0&noprune=0",
        requests.path("DELETE", "/images/app?force=0&noprune=0"));
    assertEquals(
        "/images/localhost%3A40001%2Ftools%2Fhello%3Av1/json",
        requests.path("GET", "/images/localhost%3A5000%2Ftools%2Fhello%3Av1/json"));
  }

  @Test
  void path_collectionsStayAsTheyAre() {
    assertEquals("/images/json?all=1", requests.path("GET", "/images/json?all=1"));
    assertEquals("/images/load?quiet=0", requests.path("POST", "/images/load?quiet=0"));
    assertEquals("/containers/app/json", requests.path("GET", "/containers/app/json"));
  }

  @Test
  void path_tagsTheSessionMakes_areItsOwn() {
    assertEquals(
        "/images/busybox/tag?repo=tools%2Fdl-s1.hello&tag=v1",
        requests.path("POST", "/images/busybox/tag?repo=tools%2Fhello&tag=v1"));
    assertEquals(
        "/images/dl-s1.app/tag?repo=localhost%3A40001%2Fapp&tag=v1",
        requests.path("POST", "/images/app/tag?repo=localhost%3A5000%2Fapp&tag=v1"));
    assertEquals(
        "/build?t=dl-s1.app&t=dl-s1.web%3Av2&q=1",
        requests.path("POST", "/build?t=app&t=web%3Av2&q=1"));
    assertEquals(
        "/commit?container=c&repo=dl-s1.snap&tag=v1",
        requests.path("POST", "/commit?container=c&repo=snap&tag=v1"));
    assertEquals(
        "/images/create?fromSrc=-&repo=dl-s1.imported&tag=latest",
        requests.path("POST", "/images/create?fromSrc=-&repo=imported&tag=latest"));
  }

  @Test
  void path_pullAndPush_reachTheSessionsRegistryPort() {
    assertEquals(
        "/images/create?fromImage=localhost%3A40001%2Fapp&tag=v1",
        requests.path("POST", "/images/create?fromImage=localhost%3A5000%2Fapp&tag=v1"));
    assertEquals(
        "/images/create?fromImage=busybox&tag=latest",
        requests.path("POST", "/images/create?fromImage=busybox&tag=latest"));
    assertEquals(
        "/images/localhost%3A40001%2Fapp/push?tag=v1",
        requests.path("POST", "/images/localhost%3A5000%2Fapp/push?tag=v1"));
  }

  @Test
  void path_saveNamesAndReferenceFilter_areResolved() {
    assertEquals(
        "/images/get?names=dl-s1.app&names=busybox",
        requests.path("GET", "/images/get?names=app&names=busybox"));
    assertEquals(
        "/images/json?filters=%7B%22reference%22%3A%5B%22app%22%2C%22dl-s1.app%22%5D%7D",
        requests.path("GET", "/images/json?filters=%7B%22reference%22%3A%5B%22app%22%5D%7D"));
  }

  @Test
  void createBody_image_isTheSessionsTag() throws Exception {
    ObjectNode doc = (ObjectNode) new ObjectMapper().readTree("{\"Image\":\"app\"}");
    requests.createBody(doc);
    assertEquals("{\"Image\":\"dl-s1.app\"}", doc.toString());
  }

  @Test
  void imageList_leavesOutOtherSessionsTags() {
    assertEquals(
        "[{\"RepoTags\":[\"dl-s1.app:latest\"],\"RepoDigests\":[]},"
            + "{\"RepoTags\":[\"busybox:latest\"]},{\"RepoTags\":[]}]",
        requests.imageList(
            "[{\"RepoTags\":[\"dl-s1.app:latest\",\"dl-s2.app:latest\"],"
                + "\"RepoDigests\":[\"localhost:1/dl-s2.x@sha256:00\"]},"
                + "{\"RepoTags\":[\"dl-s2.only:latest\"]},"
                + "{\"RepoTags\":[\"busybox:latest\"]},{\"RepoTags\":[]}]"));
  }
}
