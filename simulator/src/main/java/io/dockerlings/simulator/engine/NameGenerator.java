package io.dockerlings.simulator.engine;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Makes container names in the engine's style, an adjective and a scientist's surname ({@code
 * eager_hopper}), never one already taken.
 */
final class NameGenerator {
  private static final List<String> ADJECTIVES =
      List.of(
          "admiring",
          "adoring",
          "affectionate",
          "amazing",
          "awesome",
          "blissful",
          "bold",
          "brave",
          "busy",
          "charming",
          "clever",
          "compassionate",
          "competent",
          "confident",
          "cool",
          "dazzling",
          "determined",
          "dreamy",
          "eager",
          "ecstatic",
          "elastic",
          "elegant",
          "eloquent",
          "epic",
          "exciting",
          "festive",
          "focused",
          "friendly",
          "funny",
          "gallant",
          "gifted",
          "goofy",
          "gracious",
          "happy",
          "hopeful",
          "hungry",
          "inspiring",
          "intelligent",
          "jolly",
          "jovial",
          "keen",
          "kind",
          "laughing",
          "loving",
          "lucid",
          "magical",
          "modest",
          "musing",
          "nice",
          "nifty",
          "nostalgic",
          "objective",
          "optimistic",
          "peaceful",
          "pensive",
          "practical",
          "quirky",
          "relaxed",
          "romantic",
          "serene",
          "sharp",
          "silly",
          "sleepy",
          "stoic",
          "strange",
          "sweet",
          "tender",
          "trusting",
          "upbeat",
          "vibrant",
          "vigilant",
          "wizardly",
          "wonderful",
          "youthful",
          "zealous",
          "zen");

  private static final List<String> SURNAMES =
      List.of(
          "agnesi",
          "albattani",
          "archimedes",
          "babbage",
          "bardeen",
          "bartik",
          "bell",
          "bhabha",
          "bose",
          "brahmagupta",
          "cannon",
          "carson",
          "cerf",
          "chandrasekhar",
          "curie",
          "darwin",
          "dijkstra",
          "einstein",
          "euclid",
          "euler",
          "faraday",
          "fermat",
          "fermi",
          "feynman",
          "franklin",
          "galileo",
          "gauss",
          "goldberg",
          "goodall",
          "hamilton",
          "hawking",
          "heisenberg",
          "hertz",
          "hopper",
          "hypatia",
          "jackson",
          "kepler",
          "knuth",
          "lamarr",
          "leakey",
          "lovelace",
          "lumiere",
          "mayer",
          "mccarthy",
          "meitner",
          "mendel",
          "morse",
          "newton",
          "nobel",
          "noether",
          "pare",
          "pascal",
          "pasteur",
          "perlman",
          "pike",
          "poincare",
          "ptolemy",
          "ritchie",
          "shannon",
          "sinoussi",
          "stonebraker",
          "tesla",
          "thompson",
          "torvalds",
          "turing",
          "villani",
          "wescoff",
          "williams",
          "wilson",
          "wozniak",
          "wright",
          "yalow",
          "zhukovsky");

  private final Random random;

  NameGenerator(Random random) {
    this.random = random;
  }

  /** A fresh name for which {@code taken} is false; adds a digit after many collisions. */
  String next(Predicate<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String name =
          ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))
              + "_"
              + SURNAMES.get(random.nextInt(SURNAMES.size()));
      if (attempt >= 10) {
        name = name + random.nextInt(10);
      }
      if (!taken.test(name)) {
        return name;
      }
    }
  }
}
