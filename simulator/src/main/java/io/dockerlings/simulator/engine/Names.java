package io.dockerlings.simulator.engine;

import java.util.regex.Pattern;

/** Container name rules and the engine's wording when a name is taken. */
final class Names {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  private Names() {}

  /** Whether a name (without the leading slash) is allowed. */
  static boolean valid(String name) {
    return VALID.matcher(name).matches();
  }

  /** The conflict sentence the daemon uses when {@code name} belongs to {@code ownerId}. */
  static String conflict(String name, String ownerId) {
    return "Conflict. The container name \"/"
        + name
        + "\" is already in use by container \""
        + ownerId
        + "\". You have to remove (or rename) that container to be able to reuse that name.";
  }
}
