package io.dockerlings.simulator.cli;

/** The value type of a docker CLI flag, named as the docker CLI's help text names it. */
public enum FlagKind {
  /** A switch: {@code -d}, {@code --rm}; takes {@code --flag=false} but never a separate value. */
  BOOL,
  /** One value; a repeated flag keeps the last. */
  STRING,
  /** A value that may be given many times ({@code -e}, {@code -p}, {@code -v}); order is kept. */
  LIST
}
