package io.dockerlings.lessons.goal;

import io.dockerlings.simulator.EngineSnapshot.Mount;
import java.util.Optional;
import java.util.Set;

/**
 * A mount a goal asks for: {@code {volume: data, at: /data}}, {@code {bind: /srv, at: /s, ro:
 * true}}, {@code {anonymous: true, at: /v}}; {@code at} and {@code ro} are optional.
 *
 * @param type {@code volume} or {@code bind}
 * @param what the volume name or the host path; empty for an anonymous volume
 * @param at the destination asked for, if any
 * @param readOnly the mode asked for, if any
 */
record MountSpec(String type, String what, Optional<String> at, Optional<Boolean> readOnly) {

  static MountSpec parse(Fields f) {
    f.only(Set.of("volume", "bind", "anonymous", "at", "ro"), "mount");
    int kinds = (f.has("volume") ? 1 : 0) + (f.has("bind") ? 1 : 0) + (f.has("anonymous") ? 1 : 0);
    if (kinds != 1) {
      throw f.error("a mount names exactly one of volume, bind, anonymous");
    }
    Optional<String> at = f.has("at") ? Optional.of(f.text("at")) : Optional.empty();
    Optional<Boolean> ro = f.has("ro") ? Optional.of(f.at("ro").bool()) : Optional.empty();
    if (f.has("volume")) {
      return new MountSpec("volume", f.text("volume"), at, ro);
    }
    if (f.has("bind")) {
      return new MountSpec("bind", f.text("bind"), at, ro);
    }
    if (!f.at("anonymous").bool()) {
      throw f.at("anonymous").error("anonymous: false asks for nothing; name a volume instead");
    }
    return new MountSpec("volume", "", at, ro);
  }

  boolean matches(Mount m) {
    if (!m.type().equals(type)) {
      return false;
    }
    boolean same =
        what.isEmpty()
            ? m.anonymous()
            : type.equals("volume") ? m.name().equals(what) : m.source().equals(what);
    return same
        && at.map(a -> a.equals(m.destination())).orElse(true)
        && readOnly.map(r -> r == m.readOnly()).orElse(true);
  }

  @Override
  public String toString() {
    String w = what.isEmpty() ? "an anonymous volume" : type + " " + what;
    return w
        + at.map(a -> " at " + a).orElse("")
        + readOnly.map(r -> r ? " (ro)" : " (rw)").orElse("");
  }
}
