package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A sandbox's resource ceilings on one session's containers ({@link SandboxLimits}): put into every
 * create, update and build request where the learner asked for nothing tighter, and taken out again
 * of every inspect and stats answer, so that the learner, and the checks that read those answers,
 * see the limits the learner typed. A limit the learner typed that is looser than the ceiling is
 * capped, not refused. A container the memory ceiling killed reads as not OOM-killed (on an engine
 * of the learner's own it would not have been) and is remembered, so that grading can say so.
 * Thread-safe.
 */
final class Ceilings {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long PERIOD = 100_000;
  private static final long NANOS = 1_000_000_000L;

  private final SandboxLimits limits;
  private final LongSupplier hostMemory;
  private final Map<String, Asked> asked = new ConcurrentHashMap<>();
  private final Map<String, String> stopped = new ConcurrentHashMap<>();

  /**
   * What the learner asked of a container, as the engine would have shown it, and which ceilings
   * the sandbox put in its place.
   *
   * @param shown the host-config fields the sandbox changed, with the values the engine shows for
   *     the learner's own request
   * @param memoryOurs whether the memory limit in force is the sandbox's
   * @param pidsOurs whether the pids limit in force is the sandbox's
   */
  record Asked(ObjectNode shown, boolean memoryOurs, boolean pidsOurs) {}

  /**
   * @param limits the ceilings (none: every request and answer passes unchanged)
   * @param hostMemory the engine's total memory, which a stats answer shows as the limit of a
   *     container without one
   */
  Ceilings(SandboxLimits limits, LongSupplier hostMemory) {
    this.limits = limits;
    this.hostMemory = hostMemory;
  }

  boolean active() {
    return limits.any();
  }

  /** A container-create body with the ceilings in it, and what the learner asked. */
  record Applied(String body, Asked asked) {}

  /** Puts the ceilings into a create body; a body that is not JSON passes unchanged. */
  Applied create(String body) {
    ObjectNode doc = object(body);
    if (!active() || doc == null) {
      return new Applied(body, new Asked(JSON.createObjectNode(), false, false));
    }
    JsonNode hc = doc.get("HostConfig");
    ObjectNode host = hc instanceof ObjectNode o ? o : doc.putObject("HostConfig");
    ObjectNode shown = JSON.createObjectNode();
    boolean memoryOurs = capMemory(host, shown);
    boolean pidsOurs = capPids(host, shown, true);
    capCpus(host, shown, true);
    return new Applied(doc.toString(), new Asked(shown, memoryOurs, pidsOurs));
  }

  /** Remembers what the learner asked of the container the engine created with this id. */
  void created(String id, Asked what) {
    if (active() && !what.shown().isEmpty()) {
      asked.put(id, what);
    }
  }

  /**
   * Caps an update body ({@code docker update}): a looser limit becomes the ceiling, and the
   * learner's value is what the container's inspect shows from now on.
   */
  String update(String id, String body) {
    ObjectNode doc = object(body);
    if (!active() || doc == null) {
      return body;
    }
    Asked before = asked.getOrDefault(id, new Asked(JSON.createObjectNode(), false, false));
    ObjectNode shown = before.shown().deepCopy();
    boolean memoryOurs = before.memoryOurs();
    long memory = doc.path("Memory").asLong(0);
    if (limits.memoryBytes() > 0 && memory != 0) {
      shown.put("Memory", memory);
      memoryOurs = memory < 0 || memory > limits.memoryBytes();
      if (memoryOurs) {
        doc.put("Memory", limits.memoryBytes());
      } else {
        shown.remove("Memory");
      }
    }
    boolean pidsOurs = before.pidsOurs();
    if (doc.has("PidsLimit")) {
      pidsOurs = capPids(doc, shown, false);
    }
    capCpus(doc, shown, false);
    asked.put(id, new Asked(shown, memoryOurs, pidsOurs));
    return doc.toString();
  }

  /**
   * A build request's query with the memory and CPU ceilings for its {@code RUN} steps (the engine
   * has no pids limit for a build).
   */
  String buildQuery(String path) {
    if (!active()) {
      return path;
    }
    StringBuilder q = new StringBuilder(path);
    String sep = path.contains("?") ? "&" : "?";
    if (limits.memoryBytes() > 0 && !path.matches(".*[?&]memory=.*")) {
      q.append(sep).append("memory=").append(limits.memoryBytes());
      q.append("&memswap=").append(limits.memoryBytes());
      sep = "&";
    }
    if (limits.nanoCpus() > 0 && !path.matches(".*[?&]cpuquota=.*")) {
      q.append(sep).append("cpuperiod=").append(PERIOD);
      q.append("&cpuquota=").append(quota(PERIOD));
    }
    return q.toString();
  }

  /**
   * An inspect document as the learner's own engine would show it: the limits the learner asked
   * for, and not OOM-killed when the sandbox's memory ceiling did it.
   */
  String inspect(String json) {
    ObjectNode doc = object(json);
    Asked what = doc == null ? null : asked.get(doc.path("Id").asText(""));
    if (what == null) {
      return json;
    }
    if (doc.get("HostConfig") instanceof ObjectNode host) {
      what.shown().properties().forEach(f -> host.set(f.getKey(), f.getValue()));
    }
    if (what.memoryOurs()
        && doc.get("State") instanceof ObjectNode state
        && state.path("OOMKilled").asBoolean(false)) {
      state.put("OOMKilled", false);
      stopped.put(doc.path("Id").asText(), doc.path("Name").asText("").replaceFirst("^/", ""));
    }
    return doc.toString();
  }

  /**
   * A stats document as the learner's own engine would show it: the memory limit the learner set,
   * or the host's memory, and no pids limit the learner did not set.
   */
  String stats(String id, String json) {
    Asked what = asked.get(id);
    ObjectNode doc = what == null ? null : object(json);
    if (doc == null) {
      return json;
    }
    if (what.memoryOurs() && doc.get("memory_stats") instanceof ObjectNode mem) {
      long own = what.shown().path("Memory").asLong(0);
      mem.put("limit", own > 0 ? own : hostMemory.getAsLong());
    }
    if (what.pidsOurs() && doc.get("pids_stats") instanceof ObjectNode pids) {
      long own = what.shown().path("PidsLimit").asLong(0);
      if (own > 0) {
        pids.put("limit", own);
      } else {
        pids.remove("limit");
      }
    }
    return doc.toString();
  }

  /**
   * The names (the learner's) of the containers the memory ceiling OOM-killed, as far as their
   * inspect documents have been read.
   */
  List<String> stoppedByCeiling() {
    List<String> names = new ArrayList<>(stopped.values());
    names.sort(null);
    return names;
  }

  /** Whether this container's memory limit in force is the sandbox's ceiling. */
  boolean memoryOurs(String id) {
    Asked what = asked.get(id);
    return what != null && what.memoryOurs();
  }

  private boolean capMemory(ObjectNode host, ObjectNode shown) {
    long ceiling = limits.memoryBytes();
    long memory = host.path("Memory").asLong(0);
    long swap = host.path("MemorySwap").asLong(0);
    boolean refused = swap > 0 && (memory <= 0 || swap < memory);
    if (ceiling == 0 || refused || (memory > 0 && memory <= ceiling)) {
      // no ceiling, a request the engine refuses as it stands, or the learner's is tighter
      return false;
    }
    shown.put("Memory", Math.max(memory, 0));
    shown.put("MemorySwap", memory > 0 && swap == 0 ? 2 * memory : swap);
    host.put("Memory", ceiling);
    host.put("MemorySwap", ceiling);
    return true;
  }

  /**
   * Caps the pids limit. In a create an absent or unlimited one gets the ceiling; in an update only
   * a given one is looked at.
   */
  private boolean capPids(ObjectNode host, ObjectNode shown, boolean creating) {
    long ceiling = limits.pids();
    if (ceiling == 0 || (!creating && !host.has("PidsLimit"))) {
      return false;
    }
    long pids = host.path("PidsLimit").asLong(0);
    if (pids > 0 && pids <= ceiling) {
      if (!creating) {
        shown.remove("PidsLimit");
      }
      return false;
    }
    if (pids > 0) {
      shown.put("PidsLimit", pids);
    } else {
      shown.putNull("PidsLimit");
    }
    host.put("PidsLimit", ceiling);
    return true;
  }

  /**
   * Caps the CPU: {@code --cpus} (NanoCpus) or {@code --cpu-quota}/{@code --cpu-period}, whichever
   * the learner used (the engine refuses both at once, so such a request passes as it is).
   */
  private void capCpus(ObjectNode host, ObjectNode shown, boolean creating) {
    long ceiling = limits.nanoCpus();
    long nano = host.path("NanoCpus").asLong(0);
    long quota = host.path("CpuQuota").asLong(0);
    long period = host.path("CpuPeriod").asLong(0);
    if (ceiling == 0 || (nano > 0 && quota > 0)) {
      return;
    }
    if (nano > 0) {
      if (nano > ceiling) {
        shown.put("NanoCpus", nano);
        host.put("NanoCpus", ceiling);
      } else if (!creating) {
        shown.remove("NanoCpus");
      }
    } else if (quota != 0 || period > 0) {
      long p = period > 0 ? period : PERIOD;
      if (quota <= 0 || quota > quota(p)) {
        shown.put("CpuQuota", quota);
        shown.put("CpuPeriod", period);
        host.put("CpuQuota", quota(p));
        host.put("CpuPeriod", p);
      } else if (!creating) {
        shown.remove("CpuQuota");
        shown.remove("CpuPeriod");
      }
    } else if (creating) {
      shown.put("NanoCpus", 0);
      host.put("NanoCpus", ceiling);
    }
  }

  /** The CPU quota that is the ceiling within {@code period} microseconds (at least 1 ms). */
  private long quota(long period) {
    return Math.max(1000, limits.nanoCpus() * period / NANOS);
  }

  private static ObjectNode object(String json) {
    try {
      return JSON.readTree(json) instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }
}
