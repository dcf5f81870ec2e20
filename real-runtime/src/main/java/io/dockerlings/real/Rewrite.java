package io.dockerlings.real;

/**
 * One replacement in an engine's answer on its way to a session: {@code from} (a name prefix, an
 * engine's {@code localhost:<port>}) becomes {@code to} wherever it starts a name, that is at the
 * start or after a character that cannot be part of one.
 *
 * @param from the engine's bytes
 * @param to the learner's bytes (empty to remove {@code from})
 */
record Rewrite(byte[] from, byte[] to) {
  Rewrite {
    if (from.length == 0) {
      throw new IllegalArgumentException("a rewrite replaces something");
    }
    from = from.clone();
    to = to.clone();
  }

  @Override
  public byte[] from() {
    return from.clone();
  }

  @Override
  public byte[] to() {
    return to.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rewrite r
        && java.util.Arrays.equals(from, r.from)
        && java.util.Arrays.equals(to, r.to);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(from) + java.util.Arrays.hashCode(to);
  }

  @Override
  public String toString() {
    return new String(from, java.nio.charset.StandardCharsets.UTF_8)
        + " -> "
        + new String(to, java.nio.charset.StandardCharsets.UTF_8);
  }
}
