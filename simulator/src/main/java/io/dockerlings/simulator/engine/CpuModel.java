package io.dockerlings.simulator.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts how the kernel's CFS scheduler shares the host's CPUs among busy containers: weights
 * from {@code --cpu-shares} matter only under contention, a container uses no more CPUs than it has
 * runnable threads, {@code --cpus} caps it hard, and {@code --cpuset-cpus} confines it.
 *
 * <p>Within one set of cores the answer is a weighted max-min fair share (water filling): capacity
 * goes out in proportion to weight, a container that needs less keeps only what it needs, and the
 * rest is shared again. Containers pinned to overlapping but different sets are approximated by
 * sharing each distinct set separately.
 */
final class CpuModel {
  /** One container's claim: its weight, how many CPUs it could use, and where it may run. */
  record Demand(String id, long weight, double threads, double quota, String cpuset) {}

  private CpuModel() {}

  /** The cores a {@code --cpuset-cpus} value names, checked as the daemon checks it. */
  static BitSet cores(String spec, int hostCpus) {
    BitSet set = new BitSet();
    if (spec.isEmpty()) {
      set.set(0, hostCpus);
      return set;
    }
    for (String part : spec.split(",", -1)) {
      String[] range = part.split("-", -1);
      try {
        int lo = Integer.parseInt(range[0].trim());
        int hi = range.length == 2 ? Integer.parseInt(range[1].trim()) : lo;
        if (range.length > 2 || hi < lo || lo < 0) {
          throw new NumberFormatException(part);
        }
        set.set(lo, hi + 1);
      } catch (NumberFormatException e) {
        throw Failure.daemon("Invalid value " + spec + " for cpuset cpus: invalid format: " + spec);
      }
    }
    int outside = set.nextSetBit(hostCpus);
    if (outside >= 0) {
      throw Failure.daemon(
          "Requested CPUs are not available - requested "
              + spec
              + ", available: "
              + (hostCpus == 1 ? "0" : "0-" + (hostCpus - 1)));
    }
    return set;
  }

  /** CPUs (1.0 = one full core) each container gets. */
  static Map<String, Double> allocate(List<Demand> demands, int hostCpus) {
    Map<String, List<Demand>> groups = new LinkedHashMap<>();
    for (Demand d : demands) {
      groups.computeIfAbsent(d.cpuset(), k -> new ArrayList<>()).add(d);
    }
    Map<String, Double> out = new HashMap<>();
    for (Map.Entry<String, List<Demand>> g : groups.entrySet()) {
      double capacity = cores(g.getKey(), hostCpus).cardinality();
      out.putAll(waterFill(g.getValue(), capacity));
    }
    return out;
  }

  private static Map<String, Double> waterFill(List<Demand> demands, double capacity) {
    Map<String, Double> got = new HashMap<>();
    List<Demand> open = new ArrayList<>();
    for (Demand d : demands) {
      got.put(d.id(), 0.0);
      if (need(d) > 0) {
        open.add(d);
      }
    }
    double left = capacity;
    while (left > 1e-9 && !open.isEmpty()) {
      long totalWeight = 0;
      for (Demand d : open) {
        totalWeight += d.weight();
      }
      List<Demand> still = new ArrayList<>();
      double handed = 0;
      for (Demand d : open) {
        double share = left * d.weight() / totalWeight;
        double want = need(d) - got.get(d.id());
        double give = Math.min(share, want);
        got.merge(d.id(), give, Double::sum);
        handed += give;
        if (want - give > 1e-9) {
          still.add(d);
        }
      }
      left -= handed;
      if (still.size() == open.size()) {
        break;
      }
      open = still;
    }
    return got;
  }

  private static double need(Demand d) {
    return d.quota() > 0 ? Math.min(d.threads(), d.quota()) : d.threads();
  }
}
