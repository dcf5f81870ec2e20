package io.dockerlings.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.exercises.check.CheckResult;

/**
 * A grade in the result format of GitHub Classroom's autograding runners (version 1), which the
 * {@code autograding-grading-reporter} action adds up and shows as the assignment's points.
 */
final class ClassroomResult {
  private ClassroomResult() {}

  static String json(Grade g) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("version", 1);
    root.put("status", g.score() == g.max() ? "pass" : "fail");
    root.put("max_score", g.max());
    ArrayNode tests = root.putArray("tests");
    int hidden = 0;
    for (CheckResult r : g.checks()) {
      ObjectNode t = tests.addObject();
      t.put("name", r.check().visible() ? r.check().id() : "hidden check " + ++hidden);
      t.put("status", r.passed() ? "pass" : "fail");
      t.put("message", r.check().visible() && !r.passed() ? r.explanation().en() : "");
      t.put("score", r.earned());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
