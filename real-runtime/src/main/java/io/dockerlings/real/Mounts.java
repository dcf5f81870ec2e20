package io.dockerlings.real;

import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.dockerlings.simulator.cli.DockerException;

/** The CLI's {@code --mount type=...,source=...,target=...[,readonly]} option, read and checked. */
final class Mounts {
  private Mounts() {}

  /** One {@code --mount} value. */
  record Spec(String type, String source, String target, boolean readOnly) {
    /** The docker-java mount the engine's API takes. */
    Mount toMount() {
      Mount m =
          new Mount()
              .withType(
                  switch (type) {
                    case "bind" -> MountType.BIND;
                    case "tmpfs" -> MountType.TMPFS;
                    default -> MountType.VOLUME;
                  })
              .withTarget(target)
              .withReadOnly(readOnly);
      return source.isEmpty() ? m : m.withSource(source);
    }
  }

  /** Reads a {@code --mount} value; {@code type} defaults to {@code volume}, as the CLI's does. */
  static Spec parse(String value) {
    String type = "volume";
    String source = "";
    String target = "";
    boolean readOnly = false;
    for (String part : value.split(",")) {
      String[] kv = part.split("=", 2);
      String key = kv[0].trim().toLowerCase(java.util.Locale.ROOT);
      String v = kv.length == 2 ? kv[1] : "";
      switch (key) {
        case "type" -> type = v;
        case "source", "src" -> source = v;
        case "target", "destination", "dst" -> target = v;
        case "readonly", "ro" -> readOnly = kv.length == 1 || v.equals("true") || v.equals("1");
        default -> {
          // other keys (consistency, bind-propagation, volume-opt...) change nothing checked here
        }
      }
    }
    if (target.isEmpty()) {
      throw new DockerException(
          "invalid argument \"" + value + "\" for \"--mount\" flag: target is required", 125);
    }
    return new Spec(type, source, target, readOnly);
  }
}
