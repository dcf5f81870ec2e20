package io.dockerlings.simulator.fs;

/** The kinds of entries a filesystem holds. */
public enum NodeType {
  FILE,
  DIRECTORY,
  SYMLINK,
  /** Only in a layer: marks a path of a lower layer as deleted (overlay2: a 0/0 char device). */
  WHITEOUT
}
