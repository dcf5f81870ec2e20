package io.dockerlings.real;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.dockerlings.simulator.cli.CommandIo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Collects a container's output frames (logs, attach, exec) into stdout and stderr, as bytes that
 * are decoded only at the end, because a frame can end in the middle of a UTF-8 character.
 */
final class FrameSink extends ResultCallback.Adapter<Frame> {
  private final Object lock = new Object();

  /** The frames in their order, consecutive ones of one stream joined: true for stderr. */
  private final java.util.List<Boolean> runErr = new java.util.ArrayList<>();

  private final java.util.List<ByteArrayOutputStream> runBytes = new java.util.ArrayList<>();

  @Override
  public void onNext(Frame frame) {
    synchronized (lock) {
      boolean toErr = frame.getStreamType() == StreamType.STDERR;
      if (runErr.isEmpty() || runErr.get(runErr.size() - 1) != toErr) {
        runErr.add(toErr);
        runBytes.add(new ByteArrayOutputStream());
      }
      runBytes.get(runBytes.size() - 1).writeBytes(frame.getPayload());
    }
  }

  /**
   * Waits up to {@code seconds} for the stream to end, then closes the connection either way.
   *
   * @return whether the stream ended (false after the time limit or an interrupt)
   */
  boolean awaitEnd(int seconds) {
    try {
      return awaitCompletion(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      try {
        close();
      } catch (IOException e) {
        // Closing only frees the connection; the output is in hand.
      }
    }
  }

  /** Writes what arrived to the command's stdout and stderr, in the order it arrived. */
  void copyTo(CommandIo io) {
    synchronized (lock) {
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
}
