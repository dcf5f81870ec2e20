package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.Locale;

/**
 * The resource flags of {@code run}, {@code create} and {@code update} as one request, checked in
 * the order and words of the 20.10 daemon's {@code verifyPlatformContainerResources} (0 = not
 * given).
 */
record Resources(
    long memory,
    long memorySwap,
    long nanoCpus,
    long cpuShares,
    String cpusetCpus,
    long cpuQuota,
    long cpuPeriod) {

  /** Reads the flags as the CLI parses them; a size or number it cannot read is its error. */
  static Resources fromFlags(ParsedCommand cmd) {
    long memory = cmd.string("memory").map(RunOptions::bytes).orElse(0L);
    long swap =
        cmd.string("memory-swap").map(v -> v.equals("-1") ? -1L : RunOptions.bytes(v)).orElse(0L);
    long nano = 0;
    if (cmd.isSet("cpus")) {
      String v = cmd.string("cpus", "0");
      try {
        nano = new java.math.BigDecimal(v).movePointRight(9).longValue();
      } catch (NumberFormatException e) {
        throw Failure.client(
            "invalid argument \""
                + v
                + "\" for \"--cpus\" flag: failed to parse "
                + v
                + " as a rational number");
      }
    }
    return new Resources(
        memory,
        swap,
        nano,
        number(cmd, "cpu-shares"),
        cmd.string("cpuset-cpus", ""),
        number(cmd, "cpu-quota"),
        number(cmd, "cpu-period"));
  }

  private static long number(ParsedCommand cmd, String flag) {
    // The flag parser has checked the value (and refused what is not a number).
    return cmd.integer(flag, 0);
  }

  /**
   * The daemon's checks of the request alone.
   *
   * @param hostCpus the CPUs the host has
   * @param update whether this is an update, which may set a swap limit without a memory limit
   */
  void verify(int hostCpus, boolean update) {
    if (memory != 0 && memory < 6L * 1024 * 1024) {
      throw Failure.daemon("Minimum memory limit allowed is 6MB");
    }
    if (memory > 0 && memorySwap > 0 && memorySwap < memory) {
      throw Failure.daemon(
          "Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (memory == 0 && memorySwap > 0 && !update) {
      throw Failure.daemon(
          "You should always set the Memory limit when using Memoryswap limit, see usage");
    }
    if (nanoCpus > 0 && cpuPeriod > 0) {
      throw Failure.daemon("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    if (nanoCpus > 0 && cpuQuota > 0) {
      throw Failure.daemon("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    }
    if (nanoCpus < 0 || nanoCpus > hostCpus * 1_000_000_000L) {
      throw Failure.daemon(
          String.format(
              Locale.ROOT,
              "Range of CPUs is from 0.01 to %.2f, as there are only %d CPUs available",
              (double) hostCpus,
              hostCpus));
    }
    if (cpuPeriod != 0 && (cpuPeriod < 1000 || cpuPeriod > 1_000_000)) {
      throw Failure.daemon(
          "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    }
    if (cpuQuota > 0 && cpuQuota < 1000) {
      throw Failure.daemon("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    }
    if (!cpusetCpus.isEmpty()) {
      CpuModel.cores(cpusetCpus, hostCpus);
    }
  }

  /** The limits of a new container: swap twice the memory unless given, as the daemon sets it. */
  ContainerConfig.Limits toLimits(
      int blkioWeight,
      boolean oomKillDisable,
      java.util.List<String> readBps,
      java.util.List<String> writeBps) {
    long swap = memorySwap != 0 ? memorySwap : memory > 0 ? memory * 2 : 0;
    return new ContainerConfig.Limits(
        memory,
        swap,
        nanoCpus,
        cpuShares,
        cpusetCpus,
        blkioWeight,
        oomKillDisable,
        readBps,
        writeBps,
        cpuQuota,
        cpuPeriod);
  }

  /**
   * Applies an update to a container's limits as the daemon's {@code UpdateContainer} does: the CPU
   * quota and {@code --cpus} exclude each other across updates, a memory limit above the current
   * swap limit needs a new swap limit, and fields not given keep their values.
   *
   * @param id the container's id, which the daemon names in these errors
   */
  ContainerConfig.Limits applyTo(ContainerConfig.Limits c, String id) {
    if (nanoCpus > 0 && c.cpuPeriod() > 0) {
      throw cannotUpdate(
          id,
          "Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set");
    }
    if (nanoCpus > 0 && c.cpuQuota() > 0) {
      throw cannotUpdate(
          id, "Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set");
    }
    if (cpuPeriod > 0 && c.nanoCpus() > 0) {
      throw cannotUpdate(
          id, "Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set");
    }
    if (cpuQuota > 0 && c.nanoCpus() > 0) {
      throw cannotUpdate(
          id, "Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
    }
    if (memory != 0 && memory > c.memorySwap() && memorySwap == 0) {
      throw cannotUpdate(
          id,
          "Memory limit should be smaller than already set memoryswap limit, update the memoryswap"
              + " at the same time");
    }
    return new ContainerConfig.Limits(
        memory != 0 ? memory : c.memory(),
        memorySwap != 0 ? memorySwap : c.memorySwap(),
        nanoCpus != 0 ? nanoCpus : c.nanoCpus(),
        cpuShares != 0 ? cpuShares : c.cpuShares(),
        !cpusetCpus.isEmpty() ? cpusetCpus : c.cpusetCpus(),
        c.blkioWeight(),
        c.oomKillDisable(),
        c.deviceReadBps(),
        c.deviceWriteBps(),
        cpuQuota != 0 ? cpuQuota : c.cpuQuota(),
        cpuPeriod != 0 ? cpuPeriod : c.cpuPeriod());
  }

  /** Whether no resource was asked for at all. */
  boolean isEmpty() {
    return memory == 0
        && memorySwap == 0
        && nanoCpus == 0
        && cpuShares == 0
        && cpusetCpus.isEmpty()
        && cpuQuota == 0
        && cpuPeriod == 0;
  }

  static Failure cannotUpdate(String id, String why) {
    return Failure.daemon("Cannot update container " + id + ": " + why);
  }
}
