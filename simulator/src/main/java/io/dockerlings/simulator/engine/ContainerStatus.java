package io.dockerlings.simulator.engine;

/** The states of a container, named as {@code State.Status} in inspect names them. */
enum ContainerStatus {
  CREATED("created"),
  RUNNING("running"),
  PAUSED("paused"),
  RESTARTING("restarting"),
  REMOVING("removing"),
  EXITED("exited"),
  DEAD("dead");

  private final String label;

  ContainerStatus(String label) {
    this.label = label;
  }

  /** The lower-case name inspect and {@code ps -f status=} use. */
  String label() {
    return label;
  }

  /** Whether processes exist (running, paused or restarting between runs counts as running). */
  boolean isRunning() {
    return this == RUNNING || this == PAUSED || this == RESTARTING;
  }
}
