package io.dockerlings.simulator.sh;

/** The first lines of every busybox usage text, naming this image's build. */
final class Usage {
  private Usage() {}

  /** The banner busybox prints above an applet's usage. */
  static final String HEADER =
      "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n";
}
