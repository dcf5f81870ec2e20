package io.dockerlings.real;

import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.TmpfsOptions;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Units;

/** The CLI's {@code --mount type=...,source=...,target=...[,readonly]} option, read and checked. */
final class Mounts {
  private Mounts() {}

  /**
   * One {@code --mount} value; {@code tmpfsSize} in bytes and {@code tmpfsMode} (octal as typed)
   * are null when not given.
   */
  record Spec(
      String type,
      String source,
      String target,
      boolean readOnly,
      Long tmpfsSize,
      Integer tmpfsMode) {
    Spec(String type, String source, String target, boolean readOnly) {
      this(type, source, target, readOnly, null, null);
    }

    /** Whether the daemon knows this type; it refuses the others when the container is made. */
    boolean knownType() {
      return java.util.List.of("bind", "volume", "tmpfs").contains(type);
    }

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
      if (tmpfsSize != null || tmpfsMode != null) {
        m.withTmpfsOptions(new TmpfsOptions().withSizeBytes(tmpfsSize).withMode(tmpfsMode));
      }
      return source.isEmpty() ? m : m.withSource(source);
    }
  }

  /** Reads a {@code --mount} value; {@code type} defaults to {@code volume}, as the CLI's does. */
  static Spec parse(String value) {
    String type = "volume";
    String source = "";
    String target = "";
    boolean readOnly = false;
    Long size = null;
    Integer mode = null;
    for (String part : value.split(",")) {
      String[] kv = part.split("=", 2);
      String key = kv[0].trim().toLowerCase(java.util.Locale.ROOT);
      String v = kv.length == 2 ? kv[1] : "";
      switch (key) {
        case "type" -> type = v;
        case "source", "src" -> source = v;
        case "target", "destination", "dst" -> target = v;
        case "readonly", "ro" -> readOnly = kv.length == 1 || v.equals("true") || v.equals("1");
        case "tmpfs-size" -> size = tmpfsSize(value, v);
        case "tmpfs-mode" -> mode = tmpfsMode(value, v);
        default -> {
          // other keys (consistency, bind-propagation, volume-opt...) change nothing checked here
        }
      }
    }
    if (target.isEmpty()) {
      throw new DockerException(
          "invalid argument \"" + value + "\" for \"--mount\" flag: target is required", 125);
    }
    return new Spec(type, source, target, readOnly, size, mode);
  }

  /** {@code tmpfs-size}: a size with a unit, as the CLI reads it (go-units' RAMInBytes). */
  private static Long tmpfsSize(String value, String size) {
    try {
      return Units.ramInBytes(size);
    } catch (IllegalArgumentException e) {
      throw invalid(value, "invalid value for tmpfs-size: " + size);
    }
  }

  /** {@code tmpfs-mode}: an octal permission, as the CLI reads it. */
  private static Integer tmpfsMode(String value, String mode) {
    try {
      return Integer.parseInt(mode, 8);
    } catch (NumberFormatException e) {
      throw invalid(value, "invalid value for tmpfs-mode: " + mode);
    }
  }

  private static DockerException invalid(String value, String why) {
    return new DockerException(
        "invalid argument \"" + value + "\" for \"--mount\" flag: " + why, 125);
  }
}
