package io.dockerlings.simulator.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** An image's runtime defaults (inspect's {@code Config}): immutable, changed by copying. */
record ImageConfig(
    Optional<List<String>> cmd,
    Optional<List<String>> entrypoint,
    List<String> env,
    String workingDir,
    String user,
    SortedSet<String> exposedPorts,
    SortedSet<String> volumes,
    SortedMap<String, String> labels,
    Optional<String> stopSignal) {

  static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  ImageConfig {
    cmd = cmd.map(List::copyOf);
    entrypoint = entrypoint.map(List::copyOf);
    env = List.copyOf(env);
    exposedPorts = new TreeSet<>(exposedPorts);
    volumes = new TreeSet<>(volumes);
    labels = new TreeMap<>(labels);
  }

  static ImageConfig of(List<String> cmd) {
    return new ImageConfig(
        Optional.of(cmd),
        Optional.empty(),
        List.of(DEFAULT_PATH),
        "",
        "",
        new TreeSet<>(),
        new TreeSet<>(),
        new TreeMap<>(),
        Optional.empty());
  }

  ImageConfig withCmd(Optional<List<String>> c) {
    return new ImageConfig(
        c, entrypoint, env, workingDir, user, exposedPorts, volumes, labels, stopSignal);
  }

  ImageConfig withEntrypoint(Optional<List<String>> e) {
    return new ImageConfig(
        cmd, e, env, workingDir, user, exposedPorts, volumes, labels, stopSignal);
  }

  ImageConfig withEnv(List<String> e) {
    return new ImageConfig(
        cmd, entrypoint, e, workingDir, user, exposedPorts, volumes, labels, stopSignal);
  }

  ImageConfig withWorkingDir(String w) {
    return new ImageConfig(
        cmd, entrypoint, env, w, user, exposedPorts, volumes, labels, stopSignal);
  }

  ImageConfig withUser(String u) {
    return new ImageConfig(
        cmd, entrypoint, env, workingDir, u, exposedPorts, volumes, labels, stopSignal);
  }

  ImageConfig withExposed(SortedSet<String> p) {
    return new ImageConfig(cmd, entrypoint, env, workingDir, user, p, volumes, labels, stopSignal);
  }

  ImageConfig withVolumes(SortedSet<String> v) {
    return new ImageConfig(
        cmd, entrypoint, env, workingDir, user, exposedPorts, v, labels, stopSignal);
  }

  ImageConfig withLabels(Map<String, String> l) {
    return new ImageConfig(
        cmd,
        entrypoint,
        env,
        workingDir,
        user,
        exposedPorts,
        volumes,
        new TreeMap<>(l),
        stopSignal);
  }

  ImageConfig withStopSignal(Optional<String> s) {
    return new ImageConfig(
        cmd, entrypoint, env, workingDir, user, exposedPorts, volumes, labels, s);
  }

  /** The defaults a container starts from. */
  RunOptions.ImageDefaults defaults() {
    return new RunOptions.ImageDefaults(
        cmd, entrypoint, env, workingDir, user, exposedPorts, labels, stopSignal, volumes);
  }
}
