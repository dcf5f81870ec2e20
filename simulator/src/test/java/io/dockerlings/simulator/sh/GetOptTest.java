package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetOptTest {
  private static List<String> split(String spec, String... argv) {
    return GetOpt.split(List.of(argv), spec).argv();
  }

  @Test
  void split_attachedValue_becomesTheNextWord() {
    assertEquals(List.of("cut", "-c", "1-12"), split("b:c:d:f:s", "cut", "-c1-12"));
    assertEquals(List.of("cut", "-d", ":", "-f", "2"), split("b:c:d:f:s", "cut", "-d:", "-f2"));
  }

  @Test
  void split_clusteredFlags_endAtTheFirstOptionWithAValue() {
    assertEquals(List.of("cut", "-s", "-d", ":", "-f", "3"), split("d:f:s", "cut", "-sd:", "-f3"));
    assertEquals(List.of("grep", "-n", "-m", "1", "x"), split("m:n", "grep", "-nm1", "x"));
  }

  @Test
  void split_valueGivenApart_isKept_evenWhenItLooksLikeAnOption() {
    assertEquals(List.of("grep", "-e", "-x", "f"), split("e:", "grep", "-e", "-x", "f"));
  }

  @Test
  void split_unknownLetters_andOperandsAfterDoubleDash_passThrough() {
    assertEquals(List.of("head", "-5", "f"), split("n:c:", "head", "-5", "f"));
    assertEquals(List.of("grep", "-n", "-A1", "x"), split("n", "grep", "-nA1", "x"));
    assertEquals(List.of("cut", "--", "-c1"), split("c:", "cut", "--", "-c1"));
  }

  @Test
  void split_missingValueAtTheEnd_isGetoptsComplaint() {
    GetOpt.Result r = GetOpt.split(List.of("cut", "-c"), "c:");
    assertEquals(Optional.of("option requires an argument -- 'c'"), r.error());
  }
}
