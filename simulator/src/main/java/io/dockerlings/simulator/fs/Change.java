package io.dockerlings.simulator.fs;

/**
 * One line of {@code docker diff}: a path added ({@code A}), changed ({@code C}) or deleted ({@code
 * D}) in a container's layer relative to its image.
 */
public record Change(Kind kind, String path) {
  /** The three kinds docker reports. */
  public enum Kind {
    A,
    C,
    D
  }

  @Override
  public String toString() {
    return kind + " " + path;
  }
}
