package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameScopeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final NameScope scope = NameScope.of("s1");
  private static final String ID =
      "3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";

  @Test
  void of_badSession_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> NameScope.of("a b"));
    assertThrows(IllegalArgumentException.class, () -> NameScope.of("-x"));
  }

  @Test
  void names_getThePrefix_andComeBackWithout() {
    assertEquals("dl-s1.web", scope.engineName(NameScope.Kind.CONTAINER, "web"));
    assertEquals(Optional.of("web"), scope.learnerName("/dl-s1.web"));
    assertEquals(Optional.of("web"), scope.learnerName("dl-s1.web"));
    assertEquals(Optional.empty(), scope.learnerName("dl-s2.web"));
    assertEquals(Optional.empty(), scope.learnerName("web"));
  }

  @Test
  void refs_idsAndBuiltInNetworksStay() {
    assertEquals(ID, scope.engineRef(NameScope.Kind.CONTAINER, ID));
    assertEquals("3f2a", scope.engineRef(NameScope.Kind.CONTAINER, "3f2a"));
    assertEquals("bridge", scope.engineRef(NameScope.Kind.NETWORK, "bridge"));
    assertEquals("host", scope.engineName(NameScope.Kind.NETWORK, "host"));
    assertEquals("dl-s1.bridge", scope.engineRef(NameScope.Kind.CONTAINER, "bridge"));
    assertEquals("dl-s1.web", scope.engineRef(NameScope.Kind.VOLUME, "web"));
  }

  @Test
  void refs_aHexNameTheSessionGave_isAName() {
    assertEquals("cafe", scope.engineRef(NameScope.Kind.CONTAINER, "cafe"));
    scope.engineName(NameScope.Kind.CONTAINER, "cafe");
    assertEquals("dl-s1.cafe", scope.engineRef(NameScope.Kind.CONTAINER, "cafe"));
    // only for that kind
    assertEquals("cafe", scope.engineRef(NameScope.Kind.VOLUME, "cafe"));
  }

  @Test
  void refs_shortHexNamesSuchAsDb_areIdsUntilTheSessionNamesSomethingSo() throws Exception {
    assertEquals("db:db", link("db"));
    scope.engineName(NameScope.Kind.CONTAINER, "db");
    assertEquals("dl-s1.db:db", link("db"));
  }

  private String link(String l) throws Exception {
    String body = "{\"HostConfig\":{\"Links\":[\"" + l + "\"]}}";
    return JSON.readTree(scope.createBody(body, ""))
        .path("HostConfig")
        .path("Links")
        .get(0)
        .asText();
  }

  @Test
  void toLearner_takesThePrefixOutWhereANameStarts() {
    assertEquals(
        "Conflict. The container name \"/web\" is already in use by container \"" + ID + "\".",
        scope.toLearner(
            "Conflict. The container name \"/dl-s1.web\" is already in use by container \""
                + ID
                + "\"."));
    assertEquals("No such container: web", scope.toLearner("No such container: dl-s1.web"));
    assertEquals("[\"/me/web\"]", scope.toLearner("[\"/dl-s1.me/dl-s1.web\"]"));
  }

  @Test
  void toLearner_leavesOtherSessionsAndInnerMatchesAlone() {
    // a session whose id ends with this one's: its names do not start with this prefix
    assertEquals("dl-xs1.web", NameScope.of("s1").toLearner("dl-xs1.web"));
    // the prefix inside a longer name
    assertEquals("mydl-s1.web", scope.toLearner("mydl-s1.web"));
    // another session whose id this one's is a prefix of
    assertEquals("dl-s11.web", scope.toLearner("dl-s11.web"));
    assertEquals("web dl-s2.db", scope.toLearner("dl-s1.web dl-s2.db"));
    // ids are untouched
    assertEquals(ID, scope.toLearner(ID));
  }

  @Test
  void toLearner_nameThatIsAPrefixOfAnother_bothMapped() {
    assertEquals("web web2 web-db", scope.toLearner("dl-s1.web dl-s1.web2 dl-s1.web-db"));
    assertEquals("dl-s1.web", scope.engineName(NameScope.Kind.CONTAINER, "web"));
    assertEquals("dl-s1.web2", scope.engineName(NameScope.Kind.CONTAINER, "web2"));
  }

  @Test
  void path_objectSegments_areMapped() {
    assertEquals("/containers/dl-s1.web/stop", scope.path("POST", "/containers/web/stop"));
    assertEquals(
        "/v1.41/containers/dl-s1.web/json", scope.path("GET", "/v1.41/containers/web/json"));
    assertEquals("/containers/dl-s1.web?force=1", scope.path("DELETE", "/containers/web?force=1"));
    assertEquals("/containers/" + ID + "/json", scope.path("GET", "/containers/" + ID + "/json"));
    assertEquals("/networks/dl-s1.net", scope.path("GET", "/networks/net"));
    assertEquals("/networks/bridge", scope.path("GET", "/networks/bridge"));
    assertEquals("/networks/dl-s1.net/connect", scope.path("POST", "/networks/net/connect"));
    assertEquals("/volumes/dl-s1.data", scope.path("DELETE", "/volumes/data"));
  }

  @Test
  void path_collections_stay() {
    assertEquals("/containers/json?all=1", scope.path("GET", "/containers/json?all=1"));
    assertEquals("/networks/create", scope.path("POST", "/networks/create"));
    assertEquals("/volumes/prune", scope.path("POST", "/volumes/prune"));
    assertEquals("/volumes", scope.path("GET", "/volumes"));
    assertEquals("/images/web/json", scope.path("GET", "/images/web/json"));
    // a container called json is reached by its own path
    assertEquals("/containers/dl-s1.json", scope.path("DELETE", "/containers/json"));
  }

  @Test
  void path_queriesWithNames_areMapped() {
    assertEquals(
        "/containers/create?name=dl-s1.web", scope.path("POST", "/containers/create?name=web"));
    assertEquals(
        "/containers/dl-s1.web/rename?name=dl-s1.site",
        scope.path("POST", "/containers/web/rename?name=site"));
    assertEquals(
        "/commit?container=dl-s1.web&repo=app",
        scope.path("POST", "/commit?container=web&repo=app"));
    assertEquals(
        "/build?networkmode=dl-s1.net&t=app", scope.path("POST", "/build?networkmode=net&t=app"));
    assertEquals("/build?networkmode=host", scope.path("POST", "/build?networkmode=host"));
  }

  @Test
  void filters_namesAreMatchedAfterThePrefix() throws Exception {
    JsonNode f =
        JSON.readTree(
            scope.filters(
                NameScope.Kind.CONTAINER,
                "{\"name\":[\"^web$\",\"db\"],\"network\":[\"net\"],\"volume\":[\"data\",\"/data\"],"
                    + "\"label\":[\"a=b\"]}"));
    assertEquals("^/?dl-s1\\.web$", f.path("name").get(0).asText());
    assertEquals("^/?dl-s1\\..*(?:db)", f.path("name").get(1).asText());
    assertEquals("dl-s1.net", f.path("network").get(0).asText());
    assertEquals("dl-s1.data", f.path("volume").get(0).asText());
    assertEquals("/data", f.path("volume").get(1).asText());
    assertEquals("a=b", f.path("label").get(0).asText());
    assertEquals("^/?dl-s1\\.web", scope.nameFilter("^/web"));
    // the form docker-java sends: {"name":{"web":true}}
    assertEquals(
        "{\"name\":{\"^/?dl-s1\\\\..*(?:web)\":true}}",
        scope.filters(NameScope.Kind.NETWORK, "{\"name\":{\"web\":true}}"));
  }

  @Test
  void path_filtersQuery_isMappedAndEscaped() {
    String mapped =
        scope.path(
            "GET", "/containers/json?all=1&filters=" + EngineApi.escape("{\"name\":[\"^web$\"]}"));
    assertEquals(
        "/containers/json?all=1&filters=" + EngineApi.escape("{\"name\":[\"^/?dl-s1\\\\.web$\"]}"),
        mapped);
  }

  @Test
  void createBody_mapsEveryNameAndAddsTheAlias() throws Exception {
    String body =
        "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"net\",\"Binds\":[\"data:/data\","
            + "\"/srv:/srv:ro\"],\"Links\":[\"sql:db\"],\"VolumesFrom\":[\"store:ro\"],"
            + "\"PidMode\":\"container:web\",\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"logs\","
            + "\"Target\":\"/logs\"},{\"Type\":\"bind\",\"Source\":\"/tmp\",\"Target\":\"/t\"}]}}";
    JsonNode doc = JSON.readTree(scope.createBody(body, "api"));
    JsonNode host = doc.path("HostConfig");
    assertEquals("dl-s1.net", host.path("NetworkMode").asText());
    assertEquals("dl-s1.data:/data", host.path("Binds").get(0).asText());
    assertEquals("/srv:/srv:ro", host.path("Binds").get(1).asText());
    assertEquals("dl-s1.sql:db", host.path("Links").get(0).asText());
    assertEquals("dl-s1.store:ro", host.path("VolumesFrom").get(0).asText());
    assertEquals("container:dl-s1.web", host.path("PidMode").asText());
    assertEquals("dl-s1.logs", host.path("Mounts").get(0).path("Source").asText());
    assertEquals("/tmp", host.path("Mounts").get(1).path("Source").asText());
    assertEquals(
        "[\"api\"]",
        doc.path("NetworkingConfig")
            .path("EndpointsConfig")
            .path("dl-s1.net")
            .path("Aliases")
            .toString());
    assertEquals("busybox", doc.path("Image").asText());
  }

  @Test
  void createBody_onTheDefaultBridge_hasNoAlias_andLinksKeepTheirAlias() throws Exception {
    JsonNode doc =
        JSON.readTree(
            scope.createBody(
                "{\"HostConfig\":{\"NetworkMode\":\"bridge\",\"Links\":[\"sql\"]}}", "api"));
    assertEquals("bridge", doc.path("HostConfig").path("NetworkMode").asText());
    assertEquals("dl-s1.sql:sql", doc.path("HostConfig").path("Links").get(0).asText());
    assertTrue(doc.path("NetworkingConfig").isMissingNode());
  }

  @Test
  void namedCreateBody_andConnectBody() throws Exception {
    assertEquals(
        "dl-s1.net",
        JSON.readTree(scope.namedCreateBody(NameScope.Kind.NETWORK, "{\"Name\":\"net\"}"))
            .path("Name")
            .asText());
    assertEquals(
        "bridge",
        JSON.readTree(scope.namedCreateBody(NameScope.Kind.NETWORK, "{\"Name\":\"bridge\"}"))
            .path("Name")
            .asText());
    JsonNode c =
        JSON.readTree(
            scope.connectBody(
                "{\"Container\":\"web\",\"EndpointConfig\":{\"Aliases\":[],\"Links\":[\"sql:d\"]}}",
                Optional.of("web"),
                true));
    assertEquals("dl-s1.web", c.path("Container").asText());
    assertEquals("[\"web\"]", c.path("EndpointConfig").path("Aliases").toString());
    assertEquals("dl-s1.sql:d", c.path("EndpointConfig").path("Links").get(0).asText());
    JsonNode byId =
        JSON.readTree(
            scope.connectBody(
                "{\"Container\":\"" + ID + "\",\"EndpointConfig\":{}}", Optional.empty(), false));
    assertEquals(ID, byId.path("Container").asText());
  }

  @Test
  void inspectDocument_dropsTheAddedAliasOnly() throws Exception {
    String doc =
        "{\"Name\":\"/api\",\"NetworkSettings\":{\"Networks\":{\"net\":{\"Aliases\":[\"api\","
            + "\"3f2a1b4c5d6e\"]},\"bridge\":{\"Aliases\":null}}}}";
    JsonNode out = JSON.readTree(scope.inspectDocument(doc));
    assertEquals(
        "[\"3f2a1b4c5d6e\"]",
        out.path("NetworkSettings").path("Networks").path("net").path("Aliases").toString());
    String untouched = "{\"Name\":\"/api\",\"NetworkSettings\":{\"Networks\":{}}}";
    assertEquals(untouched, scope.inspectDocument(untouched));
  }

  @Test
  void badJson_isPassedOnUnchanged() {
    assertEquals("not json", scope.createBody("not json", "x"));
    assertEquals("[1]", scope.namedCreateBody(NameScope.Kind.VOLUME, "[1]"));
    assertEquals("{", scope.filters(NameScope.Kind.CONTAINER, "{"));
  }
}
