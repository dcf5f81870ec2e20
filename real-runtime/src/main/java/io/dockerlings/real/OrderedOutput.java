package io.dockerlings.real;

import io.dockerlings.simulator.cli.CommandIo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A process's stdout and stderr bytes in the order their frames came, consecutive frames of one
 * stream joined; decoded only when copied out, since a frame can end inside a UTF-8 character.
 * Thread-safe: a reader thread writes while the caller waits.
 */
final class OrderedOutput {
  /** true for stderr, per run. */
  private final List<Boolean> runErr = new ArrayList<>();

  private final List<ByteArrayOutputStream> runBytes = new ArrayList<>();

  /** Appends one frame's payload to its stream. */
  synchronized void write(boolean toErr, byte[] payload) {
    if (payload.length == 0) {
      return;
    }
    if (runErr.isEmpty() || runErr.get(runErr.size() - 1) != toErr) {
      runErr.add(toErr);
      runBytes.add(new ByteArrayOutputStream());
    }
    runBytes.get(runBytes.size() - 1).writeBytes(payload);
  }

  /** Writes what arrived to the command's stdout and stderr, in the order it arrived. */
  synchronized void copyTo(CommandIo io) {
    for (int i = 0; i < runErr.size(); i++) {
      String text = runBytes.get(i).toString(StandardCharsets.UTF_8);
      if (runErr.get(i)) {
        io.err(text);
      } else {
        io.out(text);
      }
    }
  }
}
