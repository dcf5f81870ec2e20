package io.dockerlings.simulator.sh;

import java.util.List;
import java.util.Optional;

/** The syntax tree of the shell language the simulated busybox {@code sh} understands. */
final class Ast {
  private Ast() {}

  /** A command of any shape. */
  sealed interface Node
      permits Simple, Pipeline, AndOr, Seq, Background, If, Loop, For, Case, Group, FuncDef {}

  /** One part of a word, before expansion. */
  sealed interface Part permits Lit, Var, Sub, Arith {}

  /** Literal text; {@code quoted} text is never split or globbed. */
  record Lit(String text, boolean quoted) implements Part {}

  /**
   * A parameter: {@code $x}, {@code ${x}}, {@code ${x:-default}}.
   *
   * @param op the operator of {@code ${x<op>word}} ({@code :-}, {@code -}, {@code :=}, {@code :+},
   *     {@code #} for length), empty for none
   */
  record Var(String name, String op, Optional<Word> operand, boolean quoted) implements Part {}

  /** Command substitution: {@code $(...)} or backquotes. */
  record Sub(Node command, boolean quoted) implements Part {}

  /** Arithmetic expansion {@code $((...))}, with its expression text. */
  record Arith(Word expression, boolean quoted) implements Part {}

  /** A word: parts that expand and join into zero or more fields. */
  record Word(List<Part> parts) {
    /** The literal text when the word has no expansions (for keywords and names). */
    Optional<String> literal() {
      StringBuilder b = new StringBuilder();
      for (Part p : parts) {
        if (p instanceof Lit l) {
          b.append(l.text());
        } else {
          return Optional.empty();
        }
      }
      return Optional.of(b.toString());
    }

    boolean anyQuoted() {
      return parts.stream().anyMatch(p -> p instanceof Lit l && l.quoted());
    }
  }

  /** {@code NAME=value} before a command. */
  record Assign(String name, Word value) {}

  /**
   * A redirection: {@code fd op target}; op is one of {@code > >> < >& <&}, and for {@code >&} the
   * target is a descriptor number.
   */
  record Redirect(int fd, String op, Word target) {}

  record Simple(List<Assign> assigns, List<Word> words, List<Redirect> redirects) implements Node {}

  record Pipeline(List<Node> commands, boolean negate) implements Node {}

  /** {@code a && b} or {@code a || b}. */
  record AndOr(Node left, boolean and, Node right) implements Node {}

  record Seq(List<Node> commands) implements Node {}

  record Background(Node command) implements Node {}

  record If(Node condition, Node then, Optional<Node> otherwise) implements Node {}

  /** {@code while} ({@code until} when {@code until}). */
  record Loop(Node condition, Node body, boolean until) implements Node {}

  record For(String name, Optional<List<Word>> items, Node body) implements Node {}

  record Case(Word subject, List<CaseArm> arms) implements Node {}

  record CaseArm(List<Word> patterns, Node body) {}

  /** {@code { ...; }} or, when {@code subshell}, {@code ( ... )}; redirects apply to all. */
  record Group(Node body, boolean subshell, List<Redirect> redirects) implements Node {}

  record FuncDef(String name, Node body) implements Node {}
}
