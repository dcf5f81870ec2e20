package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code --mount} values of a container as the CLI hands them to the daemon: inspect's {@code
 * HostConfig.Mounts}, one entry a value, with only the fields that were given (as Go's JSON encoder
 * leaves out empty ones).
 */
final class MountFlags {
  private MountFlags() {}

  /** {@code HostConfig.Mounts} for these {@code --mount} values, in their order. */
  static ArrayNode json(List<String> values) {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    values.forEach(v -> all.add(entry(v)));
    return all;
  }

  /** The propagation a bind at {@code target} was given with {@code bind-propagation}, if any. */
  static Optional<String> propagation(List<String> values, String target) {
    for (String v : values) {
      ObjectNode e = entry(v);
      if (e.path("Target").asText().equals(target) && e.has("BindOptions")) {
        String p = e.path("BindOptions").path("Propagation").asText();
        if (!p.isEmpty()) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** One value, e.g. {@code type=bind,src=/a,dst=/b,readonly}, in mount.Mount's field order. */
  static ObjectNode entry(String value) {
    String type = "volume";
    String source = "";
    String target = "";
    boolean readOnly = false;
    String consistency = "";
    ObjectNode bind = JsonNodeFactory.instance.objectNode();
    ObjectNode volume = JsonNodeFactory.instance.objectNode();
    ObjectNode labels = JsonNodeFactory.instance.objectNode();
    ObjectNode driver = JsonNodeFactory.instance.objectNode();
    ObjectNode driverOptions = JsonNodeFactory.instance.objectNode();
    ObjectNode tmpfs = JsonNodeFactory.instance.objectNode();
    boolean volumeOptions = false;
    for (String field : value.split(",")) {
      String[] kv = field.split("=", 2);
      String key = kv[0].toLowerCase(Locale.ROOT);
      String v = kv.length == 2 ? kv[1] : "";
      switch (key) {
        case "type" -> type = v;
        case "source", "src" -> source = v;
        case "target", "dst", "destination" -> target = v;
        case "readonly", "ro" -> readOnly = kv.length == 1 || truth(v);
        case "consistency" -> consistency = v;
        case "bind-propagation" -> bind.put("Propagation", v);
        case "bind-nonrecursive" -> bind.put("NonRecursive", kv.length == 1 || truth(v));
        case "volume-nocopy" -> {
          volume.put("NoCopy", kv.length == 1 || truth(v));
          volumeOptions = true;
        }
        case "volume-label" -> {
          String[] l = v.split("=", 2);
          labels.put(l[0], l.length == 2 ? l[1] : "");
          volumeOptions = true;
        }
        case "volume-driver" -> {
          driver.put("Name", v);
          volumeOptions = true;
        }
        case "volume-opt" -> {
          String[] o = v.split("=", 2);
          driverOptions.put(o[0], o.length == 2 ? o[1] : "");
          volumeOptions = true;
        }
        case "tmpfs-size" -> tmpfs.put("SizeBytes", RunOptions.bytes(v));
        case "tmpfs-mode" -> tmpfs.put("Mode", mode(v));
        default -> {}
      }
    }
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("Type", type);
    if (!source.isEmpty()) {
      e.put("Source", source);
    }
    e.put("Target", target);
    if (readOnly) {
      e.put("ReadOnly", true);
    }
    if (!consistency.isEmpty()) {
      e.put("Consistency", consistency);
    }
    if (!bind.isEmpty()) {
      e.set("BindOptions", bind);
    }
    if (volumeOptions) {
      // The CLI makes the options, with an empty driver config, at the first volume-* key.
      if (!labels.isEmpty()) {
        volume.set("Labels", labels);
      }
      if (!driverOptions.isEmpty()) {
        driver.set("Options", driverOptions);
      }
      volume.set("DriverConfig", driver);
      e.set("VolumeOptions", volume);
    }
    if (!tmpfs.isEmpty()) {
      e.set("TmpfsOptions", tmpfs);
    }
    return e;
  }

  private static boolean truth(String v) {
    return v.equals("1") || v.equalsIgnoreCase("true");
  }

  /** A tmpfs mode, written in octal ({@code 1770}), as the number the daemon keeps. */
  private static long mode(String v) {
    try {
      return Long.parseLong(v, 8);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
