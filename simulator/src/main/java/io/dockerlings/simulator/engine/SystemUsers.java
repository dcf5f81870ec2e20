package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Users as a container's {@code /etc/passwd} defines them, resolved as the runtime does. */
final class SystemUsers {
  private SystemUsers() {}

  static String name(int uid) {
    return uid == 0 ? "root" : uid == 65534 ? "nobody" : Integer.toString(uid);
  }

  /**
   * The uid for {@code -u USER[:GROUP]}: numeric ids as given, names from {@code /etc/passwd};
   * empty when the name is unknown.
   */
  static Optional<Integer> uid(FileSystem fs, String user) {
    if (user.isEmpty()) {
      return Optional.of(0);
    }
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    if (name.matches("\\d+")) {
      return Optional.of(Integer.parseInt(name));
    }
    try {
      String passwd = new String(fs.read("/etc/passwd"), StandardCharsets.UTF_8);
      for (String line : passwd.split("\n")) {
        String[] f = line.split(":");
        if (f.length > 2 && f[0].equals(name)) {
          return Optional.of(Integer.parseInt(f[2]));
        }
      }
    } catch (RuntimeException e) {
      // No passwd file: only numeric users work, as in a scratch image.
    }
    return Optional.empty();
  }
}
