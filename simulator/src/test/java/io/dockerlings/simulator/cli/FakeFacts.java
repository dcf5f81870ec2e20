package io.dockerlings.simulator.cli;

import io.dockerlings.simulator.HostSpec;
import java.time.Instant;
import java.util.List;

/** The facts of the real engine the goldens of version and info were captured on. */
record FakeFacts(List<String> insecure, List<String> mirrors) implements EngineFacts {
  static final HostSpec HOST =
      new HostSpec(2, 25_276_502_016L, "6.18.44-fc-v669", "Debian GNU/Linux 12 (bookworm)", "vm");

  FakeFacts() {
    this(List.of("127.0.0.0/8"), List.of());
  }

  @Override
  public HostSpec host() {
    return HOST;
  }

  @Override
  public int containersRunning() {
    return 0;
  }

  @Override
  public int containersPaused() {
    return 0;
  }

  @Override
  public int containersStopped() {
    return 1;
  }

  @Override
  public int images() {
    return 13;
  }

  @Override
  public String engineId() {
    return "3Y75:SQ35:HWGL:JIJL:G5RV:LUXX:RDTL:ENYN:3S7Z:NFHT:SF3X:ZLLT";
  }

  @Override
  public Instant now() {
    return Instant.parse("2026-11-23T08:19:48.790816277Z");
  }

  @Override
  public List<String> insecureRegistries() {
    return insecure;
  }

  @Override
  public List<String> registryMirrors() {
    return mirrors;
  }
}
