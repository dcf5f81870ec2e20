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
}
