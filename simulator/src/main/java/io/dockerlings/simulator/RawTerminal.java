package io.dockerlings.simulator;

import java.io.IOException;
import java.io.InputStream;

/**
 * A process's terminal as a byte stream, as a real engine gives it ({@code run -it}, {@code exec
 * -it}, {@code attach} in real mode): the caller sends the learner's keys as they are typed (Ctrl-C
 * and the detach keys included: the container's terminal and the engine act on them) and shows what
 * comes back.
 */
public interface RawTerminal {
  /**
   * What the terminal prints, as it comes; it ends when the process exits or the learner detaches.
   */
  InputStream output();

  /** Sends keys as typed. */
  void send(byte[] keys) throws IOException;

  /** Tells the process the size of the learner's window. */
  void resize(int columns, int rows);

  /**
   * Once the output has ended: what the docker command prints then and its exit status (the
   * process's, or the detach's).
   */
  CommandResult end();
}
