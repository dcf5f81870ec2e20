package io.dockerlings.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every state transition of a container: start, exit, restart policies, stop, kill, pause, removal,
 * and the passing of simulated time.
 *
 * <p>Time moves only through {@link #sync}: before each command the engine brings every container
 * up to now, so a container whose PID 1 slept past its end shows as exited exactly from the moment
 * it ended.
 */
final class Lifecycle {
  /** The longest the engine lets a restart backoff grow, as the daemon caps it. */
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  /** How long a container must run before its restart backoff starts again from the bottom. */
  private static final Duration BACKOFF_RESET = Duration.ofSeconds(10);

  /**
   * How far ahead a blocking command ({@code wait}, a foreground {@code run}) looks for an end; a
   * process that sleeps longer is treated as never ending on its own.
   */
  static final Duration WAIT_HORIZON = Duration.ofDays(7);

  private final SimClock clock;
  private final ContainerStore store;
  private final Networks networks;
  private final Ports ports;
  private final WorkloadFactory factory;
  private final Ids ids;

  /** While {@link #stopTogether} runs: the instant every stop starts from, and the latest end. */
  private Instant batchStart;

  private Instant batchEnd;

  private int lastSyncAdvanced;

  /** A moment a container's processes wake up on their own. */
  private record Wakeup(Instant at, Container container) {}

  /** Wake-ups by time; an entry whose container was rescheduled or removed is skipped. */
  private final java.util.PriorityQueue<Wakeup> wakeups =
      new java.util.PriorityQueue<>(java.util.Comparator.comparing(Wakeup::at));

  Lifecycle(
      SimClock clock,
      ContainerStore store,
      Networks networks,
      Ports ports,
      WorkloadFactory factory,
      Ids ids) {
    this.clock = clock;
    this.store = store;
    this.networks = networks;
    this.ports = ports;
    this.factory = factory;
    this.ids = ids;
  }

  Instant now() {
    return clock.now();
  }

  /** Moves simulated time forward to {@code t}, as a command that blocked until then. */
  void skipTo(Instant t) {
    Instant now = clock.now();
    if (t.isAfter(now)) {
      clock.skip(Duration.between(now, t));
    }
  }

  /**
   * Brings every container up to the current simulated time. Only the containers that can have
   * something to do are advanced: those whose processes wake before now (a queue ordered by wake
   * time) and those a command touched since the last sync; the others would not change. They are
   * advanced in creation order, as a full sweep would, so pids come out the same.
   */
  void sync() {
    Instant now = clock.now();
    java.util.TreeMap<Long, Container> due = new java.util.TreeMap<>();
    while (!wakeups.isEmpty() && !wakeups.peek().at().isAfter(now)) {
      Wakeup w = wakeups.poll();
      if (w.at().equals(w.container().wakeAt) && store.contains(w.container())) {
        w.container().wakeAt = null;
        due.put(w.container().sequence, w.container());
      }
    }
    for (Container c : store.drainTouched()) {
      due.put(c.sequence, c);
    }
    lastSyncAdvanced = 0;
    for (Container c : due.values()) {
      if (store.contains(c)) {
        advanceOne(c, now);
        schedule(c, now);
        lastSyncAdvanced++;
      }
    }
    assert everyOtherContainerIdle(now);
  }

  /** How many containers the last {@link #sync} advanced (the rest had nothing to do). */
  int lastSyncAdvanced() {
    return lastSyncAdvanced;
  }

  /** When a container next has something to do on its own; queued for {@link #sync}. */
  private void schedule(Container c, Instant now) {
    Instant at = null;
    if (c.status == ContainerStatus.RESTARTING) {
      at = c.restartAt;
    } else if (c.status == ContainerStatus.RUNNING && c.workload != null) {
      at = c.workload.exit().isPresent() || !c.workload.idleBefore(now) ? now : null;
      if (at == null) {
        at = c.workload.nextWake().orElse(null);
      }
    }
    if (at == null) {
      c.wakeAt = null;
      return;
    }
    if (!at.isAfter(now)) {
      // Still busy at the end of a sync (a long loop): look again at the next one.
      store.touch(c);
      return;
    }
    c.wakeAt = at;
    wakeups.add(new Wakeup(at, c));
  }

  /**
   * The check behind {@link #sync}'s shortcut, run when assertions are on (tests): a full sweep.
   */
  private boolean everyOtherContainerIdle(Instant now) {
    for (Container c : store.all()) {
      boolean restartDue = c.status == ContainerStatus.RESTARTING && !c.restartAt.isAfter(now);
      boolean runDue =
          c.status == ContainerStatus.RUNNING
              && c.workload != null
              && (c.workload.exit().isPresent() || !c.workload.idleBefore(now));
      if ((restartDue || runDue) && !store.isTouched(c)) {
        throw new AssertionError("sync skipped container " + c.name + " that had work to do");
      }
    }
    return true;
  }

  /** Runs one container's processes up to {@code t} and has the next sync look at it again. */
  void advance(Container c, Instant t) {
    advanceOne(c, t);
    store.touch(c);
  }

  /** Runs one container's processes up to {@code t}, recording exits and restarts. */
  private void advanceOne(Container c, Instant t) {
    for (int guard = 0; guard < 10_000; guard++) {
      if (c.status == ContainerStatus.RESTARTING) {
        if (c.restartAt.isAfter(t)) {
          return;
        }
        try {
          launch(c, c.restartAt);
        } catch (Failure f) {
          c.status = ContainerStatus.EXITED;
          c.error = f.getMessage();
          return;
        }
      }
      if (c.status != ContainerStatus.RUNNING || c.workload == null) {
        return;
      }
      c.workload.advanceTo(t);
      Optional<Workload.Exit> exit = c.workload.exit();
      if (exit.isEmpty()) {
        return;
      }
      ended(c, exit.get());
    }
  }

  /** Starts a created or exited container. */
  void start(Container c) {
    store.touch(c);
    if (c.config.limits().cpuShares() < 0) {
      // The daemon stores a negative weight; the runtime refuses it when the cgroup is written.
      throw Failure.daemon("shares: invalid argument");
    }
    Instant now = clock.now();
    checkIpcDonor(c);
    List<Ports.Published> published;
    try {
      published = ports.bind(effectiveBindings(c), () -> c.name + " (" + ids.next() + ")");
    } catch (Failure f) {
      throw startFailed(c, f);
    }
    Map<String, Network.Endpoint> endpoints;
    try {
      endpoints = attach(c);
    } catch (Failure f) {
      ports.release(published);
      throw startFailed(c, f);
    }
    c.endpoints.putAll(endpoints);
    try {
      launch(c, now);
    } catch (Failure f) {
      ports.release(published);
      endpoints.forEach((name, ep) -> networks.find(name).ifPresent(n -> n.detach(ep)));
      c.endpoints.clear();
      String why = f.getMessage();
      if (why.contains("executable file not found") || why.contains("no such file or directory")) {
        c.exitCode = 127;
      } else if (why.contains("permission denied")) {
        c.exitCode = 126;
      } else {
        c.exitCode = 128;
      }
      c.error = f.getMessage();
      throw f;
    }
    c.published = published;
    c.stoppedByUser = false;
    c.restartCount = 0;
    c.error = "";
  }

  /** A start the daemon gave up before the runtime: the container keeps exit code 128. */
  private static Failure startFailed(Container c, Failure f) {
    c.exitCode = 128;
    c.error = f.getMessage();
    return f;
  }

  /** A container joining another's IPC namespace needs a donor that made it shareable. */
  private void checkIpcDonor(Container c) {
    Optional<String> donor = ContainerConfig.Isolation.donor(c.config.isolation().ipcMode());
    if (donor.isEmpty()) {
      return;
    }
    Optional<Container> d = store.lookup(donor.get()).container();
    if (d.isEmpty() || !d.get().config.isolation().ipcMode().equals("shareable")) {
      throw Failure.daemon(
          "can't join IPC of container "
              + donor.get()
              + ": non-shareable IPC (hint: use IpcMode:shareable for the donor container)");
    }
  }

  /** Addresses on the container's networks, all or none, with the daemon's refusals. */
  private Map<String, Network.Endpoint> attach(Container c) {
    Map<String, Network.Endpoint> out = new java.util.LinkedHashMap<>();
    String mode = c.config.networkMode();
    if (mode.startsWith("container:")) {
      return out;
    }
    Network primary =
        networks
            .find(c.config.networkName())
            .orElseThrow(() -> Failure.daemon("network " + c.config.networkName() + " not found"));
    Optional<String> ip = Optional.of(c.config.requestedIp()).filter(x -> !x.isEmpty());
    if (ip.isPresent() && primary.builtIn) {
      throw Failure.daemon("user specified IP address is supported on user defined networks only");
    }
    List<Network> all = new ArrayList<>(List.of(primary));
    for (String extra : c.extraNetworks) {
      networks.find(extra).ifPresent(all::add);
    }
    try {
      for (Network n : all) {
        Optional<String> want = n == primary ? ip : Optional.empty();
        n.attach(ids.next(), want).ifPresent(ep -> out.put(n.name, ep));
      }
    } catch (Failure f) {
      out.forEach((name, ep) -> networks.find(name).ifPresent(n -> n.detach(ep)));
      throw f;
    }
    return out;
  }

  private List<PortBinding> effectiveBindings(Container c) {
    if (c.config.networkMode().equals("host") || c.config.networkMode().equals("none")) {
      return List.of();
    }
    List<PortBinding> all = new ArrayList<>(c.config.portBindings());
    if (c.config.publishAllPorts()) {
      for (String key : c.config.exposedPorts()) {
        boolean bound = all.stream().anyMatch(b -> b.key().equals(key));
        if (!bound) {
          String[] parts = key.split("/");
          all.add(new PortBinding(Integer.parseInt(parts[0]), parts[1], "", 0));
        }
      }
    }
    return all;
  }

  private void launch(Container c, Instant at) {
    if (c.config.limits().cpuShares() == 1) {
      // The kernel's smallest weight is 2; runc refuses 1 when it writes the cgroup (0 is unset).
      throw Failure.daemon(
          "failed to create shim task: OCI runtime create failed: runc create failed: unable to"
              + " start container process: error during container init: error setting cgroup"
              + " config for procHooks process: the minimum allowed cpu-shares is 2: unknown");
    }
    c.workload = factory.start(c, at);
    c.status = ContainerStatus.RUNNING;
    c.startedAt = at;
    c.finishedAt = c.restartCount > 0 ? c.finishedAt : Container.ZERO_TIME;
    c.exitCode = 0;
    c.oomKilled = false;
  }

  private void ended(Container c, Workload.Exit exit) {
    c.oomKilled = c.workload != null && c.workload.oomKilled();
    c.workload = null;
    c.exitCode = exit.code();
    c.finishedAt = exit.at();
    if (c.config.autoRemove()) {
      release(c);
      c.status = ContainerStatus.EXITED;
      store.remove(c);
      return;
    }
    if (shouldRestart(c)) {
      Duration ran = Duration.between(c.startedAt, exit.at());
      long backoffMs =
          ran.compareTo(BACKOFF_RESET) >= 0 ? 100 : 100L << Math.min(c.restartCount, 10);
      Duration backoff = Duration.ofMillis(Math.min(backoffMs, MAX_BACKOFF.toMillis()));
      c.restartCount++;
      c.status = ContainerStatus.RESTARTING;
      c.restartAt = exit.at().plus(backoff);
      return;
    }
    release(c);
    c.status = ContainerStatus.EXITED;
  }

  private boolean shouldRestart(Container c) {
    if (c.stoppedByUser) {
      return false;
    }
    RestartPolicy p = c.config.restartPolicy();
    return switch (p.name()) {
      case "always", "unless-stopped" -> true;
      case "on-failure" ->
          c.exitCode != 0 && (p.maximumRetryCount() == 0 || c.restartCount < p.maximumRetryCount());
      default -> false;
    };
  }

  private void release(Container c) {
    ports.release(c.published);
    c.published = List.of();
    c.endpoints.forEach((name, ep) -> networks.find(name).ifPresent(n -> n.detach(ep)));
    c.endpoints.clear();
  }

  /**
   * Stops containers the way the CLI's {@code docker stop A B} does: all at once, so the clock
   * moves forward by the longest stop, not by their sum.
   */
  void stopTogether(Runnable stops) {
    Instant start = clock.now();
    batchStart = start;
    batchEnd = start;
    try {
      stops.run();
    } finally {
      batchStart = null;
      clock.skip(Duration.between(start, batchEnd));
    }
  }

  /**
   * Stops a container as {@code docker stop} does: its stop signal, then SIGKILL once the grace
   * period has passed. The simulated clock moves forward by the time that took.
   */
  void stop(Container c, int timeoutSeconds) {
    store.touch(c);
    if (!c.isRunning()) {
      return;
    }
    c.stoppedByUser = true;
    Instant now = batchStart != null ? batchStart : clock.now();
    if (c.status == ContainerStatus.RESTARTING) {
      c.status = ContainerStatus.EXITED;
      release(c);
      return;
    }
    int signal = c.config.stopSignal().flatMap(Signals::parse).orElse(Signals.SIGTERM);
    if (c.status == ContainerStatus.PAUSED) {
      // A frozen process cannot handle the signal; the daemon thaws it to let it.
      c.status = ContainerStatus.RUNNING;
    }
    c.workload.signal(signal, now);
    Instant deadline = now.plusSeconds(Math.max(timeoutSeconds, 0));
    Optional<Workload.Exit> exit = runUntilExit(c, deadline);
    if (exit.isPresent()) {
      waited(now, exit.get().at());
      return;
    }
    waited(now, deadline);
    killNow(c, deadline);
  }

  private void waited(Instant from, Instant until) {
    if (batchStart == null) {
      clock.skip(Duration.between(from, until));
    } else if (until.isAfter(batchEnd)) {
      batchEnd = until;
    }
  }

  /** Sends a signal; SIGKILL ends every process at once. */
  void kill(Container c, int signal) {
    store.touch(c);
    Instant now = clock.now();
    c.stoppedByUser = true;
    if (signal == Signals.SIGKILL) {
      killNow(c, now);
      return;
    }
    c.workload.signal(signal, now);
    advance(c, now);
  }

  private void killNow(Container c, Instant at) {
    if (c.workload == null) {
      return;
    }
    if (c.status == ContainerStatus.PAUSED) {
      c.status = ContainerStatus.RUNNING;
    }
    c.workload.killAll(at);
    advance(c, at);
    if (c.workload != null) {
      ended(c, new Workload.Exit(137, at));
    }
  }

  /**
   * Advances a container until PID 1 exits or {@code limit} passes, following the processes' own
   * wake-ups; empty when it is still running at the limit.
   */
  Optional<Workload.Exit> runUntilExit(Container c, Instant limit) {
    return runUntilExit(c, limit, Long.MAX_VALUE);
  }

  /**
   * As {@link #runUntilExit(Container, Instant)}, giving up (empty) after {@code wakeups} of the
   * processes' wake-ups: a silent loop that sleeps a second at a time would otherwise be followed
   * through a week of seconds.
   */
  Optional<Workload.Exit> runUntilExit(Container c, Instant limit, long wakeups) {
    store.touch(c);
    Instant finishedBefore = c.finishedAt;
    long woken = 0;
    while (c.status == ContainerStatus.RUNNING && c.workload != null) {
      if (woken++ >= wakeups) {
        return Optional.empty();
      }
      Optional<Workload.Exit> exit = c.workload.exit();
      if (exit.isPresent()) {
        ended(c, exit.get());
        return exit;
      }
      Optional<Instant> wake = c.workload.nextWake();
      if (wake.isEmpty() || wake.get().isAfter(limit)) {
        c.workload.advanceTo(limit);
        exit = c.workload.exit();
        if (exit.isPresent()) {
          ended(c, exit.get());
        }
        return exit;
      }
      c.workload.advanceTo(wake.get());
    }
    if (!c.finishedAt.equals(finishedBefore)) {
      return Optional.of(new Workload.Exit(c.exitCode, c.finishedAt));
    }
    return Optional.empty();
  }

  void pause(Container c) {
    store.touch(c);
    c.workload.advanceTo(clock.now());
    c.status = ContainerStatus.PAUSED;
  }

  void unpause(Container c) {
    store.touch(c);
    c.status = ContainerStatus.RUNNING;
    advance(c, clock.now());
  }

  /** Removes a container; a running one is killed first (the caller checked {@code -f}). */
  void remove(Container c) {
    store.touch(c);
    if (c.isRunning()) {
      c.stoppedByUser = true;
      killNow(c, clock.now());
    }
    release(c);
    store.remove(c);
  }
}
