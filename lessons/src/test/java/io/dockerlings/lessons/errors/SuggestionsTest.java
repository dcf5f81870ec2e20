package io.dockerlings.lessons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void distance_countsASwapOfNeighboursAsOneEdit() {
    assertEquals(1, Suggestions.distance("rnu", "run"));
    assertEquals(1, Suggestions.distance("dokcer", "docker"));
    assertEquals(1, Suggestions.distance("--memroy", "--memory"));
    assertEquals(2, Suggestions.distance("abc", "a"));
    assertEquals(0, Suggestions.distance("ps", "ps"));
  }

  @Test
  void nearest_givesOnlyTheClosest_withinTheTolerance() {
    List<String> words = List.of("run", "rm", "rmi", "ps", "push", "pull");
    assertEquals(List.of("run"), Suggestions.nearest("rnu", words, 1));
    assertEquals(List.of("pull", "push"), Suggestions.nearest("pulh", words, 1));
    assertEquals(List.of(), Suggestions.nearest("frobnicate", words, 2));
    assertEquals(List.of(), Suggestions.nearest("run", words, 1));
  }

  @Test
  void tolerance_growsWithTheWord() {
    assertEquals(0, Suggestions.tolerance("-x"));
    assertEquals(1, Suggestions.tolerance("rnu"));
    assertEquals(2, Suggestions.tolerance("--memroy"));
  }
}
