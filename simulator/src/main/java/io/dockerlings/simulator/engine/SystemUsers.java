package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Users and groups as a container's {@code /etc/passwd} and {@code /etc/group} define them. */
final class SystemUsers {
  /** Who a process runs as. */
  record Identity(int uid, int gid) {}

  private SystemUsers() {}

  static String name(int uid) {
    return uid == 0 ? "root" : uid == 65534 ? "nobody" : Integer.toString(uid);
  }

  /**
   * Resolves {@code -u USER[:GROUP]} as the runtime does: numbers as given, names from the
   * container's files.
   *
   * @throws Failure worded as the runtime words an unknown user or group
   */
  static Identity resolve(FileSystem fs, String spec) {
    if (spec.isEmpty()) {
      return new Identity(0, 0);
    }
    int colon = spec.indexOf(':');
    String user = colon < 0 ? spec : spec.substring(0, colon);
    Optional<String> group = colon < 0 ? Optional.empty() : Optional.of(spec.substring(colon + 1));
    int uid;
    int gid;
    if (user.matches("\\d+")) {
      uid = Integer.parseInt(user);
      gid = entry(fs, "/etc/passwd", 2, user).map(f -> Integer.parseInt(f[3])).orElse(0);
    } else {
      String[] f =
          entry(fs, "/etc/passwd", 0, user)
              .orElseThrow(
                  () ->
                      Failure.daemon(
                          "unable to find user " + user + ": no matching entries in passwd file"));
      uid = Integer.parseInt(f[2]);
      gid = Integer.parseInt(f[3]);
    }
    if (group.isPresent()) {
      String g = group.get();
      if (g.matches("\\d+")) {
        gid = Integer.parseInt(g);
      } else {
        gid =
            entry(fs, "/etc/group", 0, g)
                .map(f -> Integer.parseInt(f[2]))
                .orElseThrow(
                    () ->
                        Failure.daemon(
                            "unable to find group " + g + ": no matching entries in group file"));
      }
    }
    return new Identity(uid, gid);
  }

  private static Optional<String[]> entry(FileSystem fs, String file, int field, String value) {
    try {
      for (String line : new String(fs.read(file), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(":", -1);
        if (f.length > 3 && f[field].equals(value)) {
          return Optional.of(f);
        }
      }
    } catch (RuntimeException e) {
      // No such file: only numeric ids resolve, as in a scratch image.
    }
    return Optional.empty();
  }
}
