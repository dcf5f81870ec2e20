package io.dockerlings.simulator.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts how the kernel's CFS scheduler shares the host's CPUs among busy containers: weights
 * from {@code --cpu-shares} matter only under contention, a container uses no more CPUs than it has
 * runnable threads, {@code --cpus} (or a CFS quota) caps it hard, and {@code --cpuset-cpus}
 * confines it.
 *
 * <p>The answer is a weighted max-min fair share: capacity goes out in proportion to weight, a
 * container that needs less keeps only what it needs, and no set of cores gives out more than it
 * has, whichever containers are confined to it.
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

  /**
   * CPUs (1.0 = one full core) each container gets: weighted progressive filling, where every
   * container's share grows with its weight until it has what it can use or a group of cores it is
   * confined to is full. Never more in total than the host has, nor on any set of cores than the
   * set holds, so containers pinned to the same core compete for it.
   */
  static Map<String, Double> allocate(List<Demand> demands, int hostCpus) {
    Map<String, Double> got = new HashMap<>();
    Map<String, BitSet> sets = new HashMap<>();
    List<Demand> open = new ArrayList<>();
    for (Demand d : demands) {
      got.put(d.id(), 0.0);
      BitSet cores = cores(d.cpuset(), hostCpus);
      sets.put(d.id(), cores);
      if (need(d, cores) > 1e-12) {
        open.add(d);
      }
    }
    List<BitSet> groups = groups(new ArrayList<>(sets.values()));
    while (!open.isEmpty()) {
      double step = Double.MAX_VALUE;
      for (Demand d : open) {
        step = Math.min(step, (need(d, sets.get(d.id())) - got.get(d.id())) / d.weight());
      }
      for (BitSet g : groups) {
        double used = 0;
        long rate = 0;
        for (Demand d : demands) {
          if (contains(g, sets.get(d.id()))) {
            used += got.get(d.id());
            rate += open.contains(d) ? d.weight() : 0;
          }
        }
        if (rate > 0) {
          step = Math.min(step, Math.max(0, g.cardinality() - used) / rate);
        }
      }
      for (Demand d : open) {
        got.merge(d.id(), step * d.weight(), Double::sum);
      }
      List<Demand> still = new ArrayList<>();
      for (Demand d : open) {
        if (need(d, sets.get(d.id())) - got.get(d.id()) > 1e-9
            && !inFullGroup(d, groups, sets, got)) {
          still.add(d);
        }
      }
      if (still.size() == open.size()) {
        break;
      }
      open = still;
    }
    return got;
  }

  /** Every union of the distinct core sets (each alone when there are too many to combine). */
  private static List<BitSet> groups(List<BitSet> all) {
    List<BitSet> distinct = new ArrayList<>();
    for (BitSet b : all) {
      if (!distinct.contains(b)) {
        distinct.add(b);
      }
    }
    List<BitSet> out = new ArrayList<>();
    if (distinct.size() > 10) {
      out.addAll(distinct);
      BitSet union = new BitSet();
      distinct.forEach(union::or);
      out.add(union);
      return out;
    }
    for (int mask = 1; mask < 1 << distinct.size(); mask++) {
      BitSet union = new BitSet();
      for (int i = 0; i < distinct.size(); i++) {
        if ((mask & 1 << i) != 0) {
          union.or(distinct.get(i));
        }
      }
      if (!out.contains(union)) {
        out.add(union);
      }
    }
    return out;
  }

  private static boolean contains(BitSet outer, BitSet inner) {
    BitSet rest = (BitSet) inner.clone();
    rest.andNot(outer);
    return rest.isEmpty();
  }

  private static boolean inFullGroup(
      Demand d, List<BitSet> groups, Map<String, BitSet> sets, Map<String, Double> got) {
    for (BitSet g : groups) {
      if (!contains(g, sets.get(d.id()))) {
        continue;
      }
      double used = 0;
      for (Map.Entry<String, BitSet> e : sets.entrySet()) {
        if (contains(g, e.getValue())) {
          used += got.get(e.getKey());
        }
      }
      if (g.cardinality() - used <= 1e-9) {
        return true;
      }
    }
    return false;
  }

  private static double need(Demand d, BitSet cores) {
    return Math.min(need(d), cores.cardinality());
  }

  private static double need(Demand d) {
    return d.quota() > 0 ? Math.min(d.threads(), d.quota()) : d.threads();
  }
}
