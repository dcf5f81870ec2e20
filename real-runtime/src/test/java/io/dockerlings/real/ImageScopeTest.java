package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class ImageScopeTest {
  private static final IntSupplier PORT_40001 = () -> 40001;
  private final ImageScope images = ImageScope.of("dl-s1.", new PortScope(PORT_40001));

  @Test
  void created_putsThePrefixBeforeTheLastComponent_orTheSessionsPortOnALocalRegistry() {
    assertEquals("dl-s1.app", images.created("app"));
    assertEquals("dl-s1.app:v1", images.created("app:v1"));
    assertEquals("tools/dl-s1.hello:v1", images.created("tools/hello:v1"));
    assertEquals("reg.io/team/dl-s1.app", images.created("reg.io/team/app"));
    assertEquals("localhost:40001/tools/hello:v1", images.created("localhost:5000/tools/hello:v1"));
    assertEquals("127.0.0.1:40001/app", images.created("127.0.0.1:5000/app"));
    String digest = "sha256:" + "a".repeat(64);
    assertEquals("dl-s1.app@" + digest, images.created("app@" + digest));
    assertEquals(digest, images.created(digest));
    assertEquals("dl-s1.app:latest", images.created("dl-s1.app:latest"), "already the session's");
  }

  @Test
  void created_isStillAReferenceTheEngineTakes() {
    for (String ref : Set.of("app", "tools/hello:v1", "my_app.v2-x:1.0", "a/b/c")) {
      assertEquals(java.util.Optional.empty(), Refs.problem(images.created(ref)), ref);
    }
    ImageScope upper = ImageScope.of("dl-Grade_Run.", new PortScope(PORT_40001));
    assertTrue(upper.prefix().matches("dl-[0-9a-f]{12}\\."), upper.prefix());
    assertEquals(java.util.Optional.empty(), Refs.problem(upper.created("app")));
  }

  @Test
  void resolve_isTheSessionsTagWhenItHasOne_elseTheSharedImage() {
    Set<String> engine = Set.of("dl-s1.app", "busybox");
    assertEquals("dl-s1.app", images.resolve("app", engine::contains));
    assertEquals("busybox", images.resolve("busybox", engine::contains));
    assertEquals("registry:2", images.resolve("registry:2", engine::contains));
    assertEquals("localhost:40001/app", images.resolve("localhost:5000/app", engine::contains));
    String id = "sha256:" + "b".repeat(64);
    assertEquals(id, images.resolve(id, engine::contains));
    assertEquals("3f2a1b4c5d6e", images.resolve("3f2a1b4c5d6e", engine::contains));
  }

  @Test
  void resolve_anotherSessionsSpelling_isNeverReached() {
    Set<String> engine = Set.of("dl-s2.app");
    assertEquals("dl-s1.dl-s2.app", images.resolve("dl-s2.app", engine::contains));
  }

  @Test
  void othersTag_isAnotherSessionsPrefix_notThisOnesOrNone() {
    assertTrue(images.othersTag("dl-s2.app:latest"));
    assertTrue(images.othersTag("tools/dl-s2.hello:v1"));
    assertFalse(images.othersTag("dl-s1.app:latest"));
    assertFalse(images.othersTag("busybox:latest"));
    assertFalse(images.othersTag("localhost:40001/app:v1"));
    assertFalse(images.othersTag("<none>:<none>"));
  }

  @Test
  void parse_splitsDomainPathAndTag_asTheEngineDoes() {
    assertEquals(
        new ImageScope.Ref("localhost:5000", "tools/hello", ":v1"),
        ImageScope.Ref.parse("localhost:5000/tools/hello:v1"));
    assertEquals(new ImageScope.Ref("", "tools/hello", ""), ImageScope.Ref.parse("tools/hello"));
    assertEquals(new ImageScope.Ref("localhost", "app", ""), ImageScope.Ref.parse("localhost/app"));
  }
}
