package io.dockerlings.simulator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One container: its fixed identity and configuration, its mutable lifecycle state, its file tree
 * and, while it runs, its processes.
 *
 * <p>Only {@link Lifecycle} changes the state fields, so that every transition keeps them
 * consistent (a running container has a workload and a start time; an exited one has neither a
 * workload nor a pid).
 */
final class Container {
  static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  final String id;
  final Instant created;

  /** Creation order, to list containers created in the same instant newest first. */
  final long sequence;

  /** What it was created with; only {@code docker update} replaces it (limits, restart policy). */
  ContainerConfig config;

  final String imageId;
  final ContainerFiles files;
  final LogBuffer logs = new LogBuffer();
  final List<String> execIds = new ArrayList<>();

  String name;
  ContainerStatus status = ContainerStatus.CREATED;
  Instant startedAt = ZERO_TIME;
  Instant finishedAt = ZERO_TIME;
  int exitCode;
  String error = "";
  boolean oomKilled;
  int restartCount;

  /** Set by an explicit stop or kill, so that restart policies leave the container alone. */
  boolean stoppedByUser;

  Instant restartAt = ZERO_TIME;
  Workload workload;

  /**
   * When its processes next wake up on their own, as queued in {@link Lifecycle}; null if never.
   */
  Instant wakeAt;

  /** The container's addresses while it runs, by network name. */
  final java.util.Map<String, Network.Endpoint> endpoints = new java.util.LinkedHashMap<>();

  /** Legacy {@code --link NAME:ALIAS} targets on the default bridge: name to alias. */
  final java.util.Map<String, String> links = new java.util.LinkedHashMap<>();

  /** User networks joined with {@code network connect}, beyond the one it was created on. */
  final java.util.List<String> extraNetworks = new java.util.ArrayList<>();

  List<Ports.Published> published = List.of();

  /** The logging driver ({@code --log-driver}) and its options ({@code --log-opt}). */
  String logDriver = "json-file";

  java.util.SortedMap<String, String> logOptions = new java.util.TreeMap<>();

  Container(
      String id,
      String name,
      Instant created,
      ContainerConfig config,
      String imageId,
      ContainerFiles files,
      long sequence) {
    this.sequence = sequence;
    this.id = id;
    this.name = name;
    this.created = created;
    this.config = config;
    this.imageId = imageId;
    this.files = files;
  }

  String shortId() {
    return Ids.shortId(id);
  }

  /** The running processes, if any. */
  Optional<Workload> workload() {
    return Optional.ofNullable(workload);
  }

  boolean isRunning() {
    return status.isRunning();
  }

  /**
   * A way back to this container's state now (its record, addresses, links, log and exec ids, not
   * its processes' inner state), for the undo journal of a command that may fail half-way.
   */
  Runnable memento() {
    ContainerConfig config0 = config;
    String name0 = name;
    ContainerStatus status0 = status;
    Instant startedAt0 = startedAt;
    Instant finishedAt0 = finishedAt;
    int exitCode0 = exitCode;
    String error0 = error;
    boolean oomKilled0 = oomKilled;
    int restartCount0 = restartCount;
    boolean stoppedByUser0 = stoppedByUser;
    Instant restartAt0 = restartAt;
    Workload workload0 = workload;
    Runnable processes0 = workload == null ? () -> {} : workload.memento();
    Instant wakeAt0 = wakeAt;
    java.util.Map<String, Network.Endpoint> endpoints0 = new java.util.LinkedHashMap<>(endpoints);
    java.util.Map<String, String> links0 = new java.util.LinkedHashMap<>(links);
    List<String> extraNetworks0 = List.copyOf(extraNetworks);
    List<String> execIds0 = List.copyOf(execIds);
    List<Ports.Published> published0 = published;
    String logDriver0 = logDriver;
    java.util.SortedMap<String, String> logOptions0 = new java.util.TreeMap<>(logOptions);
    Runnable logs0 = logs.memento();
    return () -> {
      config = config0;
      name = name0;
      status = status0;
      startedAt = startedAt0;
      finishedAt = finishedAt0;
      exitCode = exitCode0;
      error = error0;
      oomKilled = oomKilled0;
      restartCount = restartCount0;
      stoppedByUser = stoppedByUser0;
      restartAt = restartAt0;
      workload = workload0;
      processes0.run();
      wakeAt = wakeAt0;
      replace(endpoints, endpoints0);
      replace(links, links0);
      extraNetworks.clear();
      extraNetworks.addAll(extraNetworks0);
      execIds.clear();
      execIds.addAll(execIds0);
      published = published0;
      logDriver = logDriver0;
      logOptions = logOptions0;
      logs0.run();
    };
  }

  private static <K, V> void replace(java.util.Map<K, V> map, java.util.Map<K, V> with) {
    map.clear();
    map.putAll(with);
  }
}
