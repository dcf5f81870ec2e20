package io.dockerlings.simulator.engine;

/**
 * What a container's terminal does to the bytes written to it on their way out: the line
 * discipline's {@code onlcr}, which turns every newline into carriage return and newline.
 *
 * <p>Checked on Docker 20.10.24: {@code docker run --rm -t busybox echo hi | od -c} gives {@code h
 * i \r \n}, and {@code printf "x\r\n"} gives {@code x \r \r \n}; {@code docker logs} of a {@code
 * -t} container and {@code exec -t} show the same bytes.
 */
final class Tty {
  private Tty() {}

  /** {@code text} as the terminal sends it on: each {@code \n} becomes {@code \r\n}. */
  static String onlcr(String text) {
    return text.indexOf('\n') < 0 ? text : text.replace("\n", "\r\n");
  }
}
