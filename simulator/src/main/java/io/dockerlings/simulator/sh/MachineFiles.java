package io.dockerlings.simulator.sh;

import java.util.Locale;

/**
 * The simulated machine's memory and CPU as the kernel describes them ({@code /proc/meminfo},
 * {@code /proc/cpuinfo}), from one set of figures that {@code free} also reads, so the three agree.
 */
public final class MachineFiles {
  /** KiB in use by the system's own processes. */
  public static final long USED_KB = 174_400;

  /** KiB of buffers, page cache and reclaimable slab ({@code free}'s buff/cache). */
  public static final long BUFF_CACHE_KB = 424_664;

  /** KiB of shared memory (tmpfs and SysV). */
  public static final long SHARED_KB = 8_872;

  private static final long BUFFERS_KB = 2_108;
  private static final long RECLAIMABLE_KB = 38_556;
  private static final long UNRECLAIMABLE_KB = 24_312;

  private MachineFiles() {}

  /** {@code /proc/meminfo} of a machine with {@code totalBytes} of memory and no swap. */
  public static String meminfo(long totalBytes) {
    long total = totalBytes / 1024;
    long free = total - USED_KB - BUFF_CACHE_KB;
    long cached = BUFF_CACHE_KB - BUFFERS_KB - RECLAIMABLE_KB;
    long anon = USED_KB - UNRECLAIMABLE_KB - 9_216 - 2_972;
    StringBuilder b = new StringBuilder();
    kb(b, "MemTotal", total);
    kb(b, "MemFree", free);
    kb(b, "MemAvailable", total - USED_KB);
    kb(b, "Buffers", BUFFERS_KB);
    kb(b, "Cached", cached);
    kb(b, "SwapCached", 0);
    kb(b, "Active", anon / 2 + cached / 2);
    kb(b, "Inactive", anon - anon / 2 + cached - cached / 2 + BUFFERS_KB);
    kb(b, "Active(anon)", anon / 2);
    kb(b, "Inactive(anon)", anon - anon / 2);
    kb(b, "Active(file)", cached / 2);
    kb(b, "Inactive(file)", cached - cached / 2 + BUFFERS_KB);
    kb(b, "Unevictable", 0);
    kb(b, "Mlocked", 0);
    kb(b, "SwapTotal", 0);
    kb(b, "SwapFree", 0);
    kb(b, "Dirty", 12);
    kb(b, "Writeback", 0);
    kb(b, "AnonPages", anon - SHARED_KB);
    kb(b, "Mapped", 41_876);
    kb(b, "Shmem", SHARED_KB);
    kb(b, "Slab", RECLAIMABLE_KB + UNRECLAIMABLE_KB);
    kb(b, "SReclaimable", RECLAIMABLE_KB);
    kb(b, "SUnreclaim", UNRECLAIMABLE_KB);
    kb(b, "KernelStack", 9_216);
    kb(b, "PageTables", 2_972);
    kb(b, "NFS_Unstable", 0);
    kb(b, "Bounce", 0);
    kb(b, "WritebackTmp", 0);
    kb(b, "CommitLimit", total / 2);
    kb(b, "Committed_AS", 512_764);
    kb(b, "VmallocTotal", 34_359_738_367L);
    kb(b, "VmallocUsed", 191_316);
    kb(b, "VmallocChunk", 34_359_310_332L);
    kb(b, "HardwareCorrupted", 0);
    kb(b, "AnonHugePages", 0);
    kb(b, "CmaTotal", 0);
    kb(b, "CmaFree", 0);
    b.append(String.format(Locale.ROOT, "%-16s%8d%n", "HugePages_Total:", 0));
    b.append(String.format(Locale.ROOT, "%-16s%8d%n", "HugePages_Free:", 0));
    b.append(String.format(Locale.ROOT, "%-16s%8d%n", "HugePages_Rsvd:", 0));
    b.append(String.format(Locale.ROOT, "%-16s%8d%n", "HugePages_Surp:", 0));
    kb(b, "Hugepagesize", 2048);
    kb(b, "DirectMap4k", 96_128);
    kb(b, "DirectMap2M", total + 2_000_000 - 96_128 - (total + 2_000_000) % 2048);
    return b.toString();
  }

  private static void kb(StringBuilder b, String name, long value) {
    b.append(String.format(Locale.ROOT, "%-16s%8d kB%n", name + ":", value));
  }

  /**
   * {@code /proc/cpuinfo} of a VMware guest with {@code cpus} one-core sockets of the lab's Xeon.
   */
  public static String cpuinfo(int cpus) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cpus; i++) {
      field(b, "processor", Integer.toString(i));
      field(b, "vendor_id", "GenuineIntel");
      field(b, "cpu family", "6");
      field(b, "model", "79");
      field(b, "model name", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz");
      field(b, "stepping", "1");
      field(b, "microcode", "0xb000038");
      field(b, "cpu MHz", "2399.999");
      field(b, "cache size", "35840 KB");
      field(b, "physical id", Integer.toString(i * 2));
      field(b, "siblings", "1");
      field(b, "core id", "0");
      field(b, "cpu cores", "1");
      field(b, "apicid", Integer.toString(i * 2));
      field(b, "initial apicid", Integer.toString(i * 2));
      field(b, "fpu", "yes");
      field(b, "fpu_exception", "yes");
      field(b, "cpuid level", "20");
      field(b, "wp", "yes");
      field(
          b,
          "flags",
          "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx"
              + " fxsr sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc arch_perfmon nopl"
              + " xtopology tsc_reliable nonstop_tsc eagerfpu pni pclmulqdq ssse3 fma cx16 pcid"
              + " sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand"
              + " hypervisor lahf_lm abm 3dnowprefetch ssbd ibrs ibpb stibp fsgsbase tsc_adjust"
              + " bmi1 hle avx2 smep bmi2 invpcid rtm rdseed adx smap xsaveopt arat md_clear"
              + " spec_ctrl intel_stibp flush_l1d arch_capabilities");
      field(b, "bogomips", "4799.99");
      field(b, "clflush size", "64");
      field(b, "cache_alignment", "64");
      field(b, "address sizes", "43 bits physical, 48 bits virtual");
      b.append("power management:\n\n");
    }
    return b.toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    // The kernel pads each name with tabs to the column after "cpu family".
    b.append(name).append(name.length() < 8 ? "\t\t: " : "\t: ").append(value).append('\n');
  }
}
