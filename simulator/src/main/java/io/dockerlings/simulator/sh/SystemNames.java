package io.dockerlings.simulator.sh;

/** Names of the well-known users of the simulated images. */
final class SystemNames {
  private SystemNames() {}

  static String user(int uid) {
    return uid == 0 ? "root" : uid == 65534 ? "nobody" : Integer.toString(uid);
  }
}
