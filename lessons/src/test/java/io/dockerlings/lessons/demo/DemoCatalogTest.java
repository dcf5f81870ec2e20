package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoCatalogTest {
  @Test
  void all_loadInBothLanguagesAndReplayCleanlyOnTheModel() {
    assertEquals(DemoCatalog.NAMES.size(), DemoCatalog.all().size());
    for (Demo d : DemoCatalog.all()) {
      assertTrue(d.title().isComplete() && d.teaches().isComplete(), d.id());
      d.steps().forEach(s -> assertTrue(s.say().isComplete(), d.id() + "/" + s.id()));
      assertEquals(java.util.List.of(), DemoCheck.replay(d, DemoRunTest.SIM_ONLY), d.id());
    }
  }

  @Test
  void find_unknownName_isEmpty() {
    assertTrue(DemoCatalog.find("nope").isEmpty());
  }
}
