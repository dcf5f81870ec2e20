package io.dockerlings.real;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.dockerlings.simulator.cli.CommandIo;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Collects a container's output frames (logs, attach, exec) into stdout and stderr, as bytes that
 * are decoded only at the end, because a frame can end in the middle of a UTF-8 character.
 */
final class FrameSink extends ResultCallback.Adapter<Frame> {
  private final OrderedOutput output = new OrderedOutput();

  @Override
  public void onNext(Frame frame) {
    output.write(frame.getStreamType() == StreamType.STDERR, frame.getPayload());
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
    output.copyTo(io);
  }
}
