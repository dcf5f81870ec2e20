package io.dockerlings.real;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.AttachContainerCmd;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.Frame;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.Ids;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Follows a container's main process as a foreground {@code run} or {@code start -a} does: attaches
 * to its output before it starts (so nothing it prints is missed, and nothing from earlier runs is
 * repeated), feeds it the piped stdin text, and answers its exit status. Gives the prompt back
 * after {@link #LIMIT_SECONDS} and lets the container go on.
 */
final class RealAttach {
  /** How long a foreground container may take before the REPL gets its prompt back. */
  static final int LIMIT_SECONDS = 60;

  private final RealContext ctx;

  RealAttach(RealContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Attaches to {@code id}, runs {@code start}, copies what the container prints into {@code io},
   * and returns its exit status.
   *
   * @param stdin bytes for the container's stdin, or null when it is not kept open ({@code -i})
   */
  int follow(String id, Runnable start, byte[] stdin, CommandIo io) {
    return follow(id, start, stdin, io, true);
  }

  /**
   * As {@link #follow(String, Runnable, byte[], CommandIo)}; with {@code sigProxy} false ({@code
   * --sig-proxy=false}) Ctrl-C only stops following, as the CLI then dies of the signal (130).
   */
  int follow(String id, Runnable start, byte[] stdin, CommandIo io, boolean sigProxy) {
    var host = ctx.api().host().filter(HijackedStream::supports);
    if (stdin != null && host.isPresent()) {
      return followWithStdin(host.get(), id, start, stdin, io);
    }
    AttachContainerCmd attach =
        ctx.client()
            .attachContainerCmd(id)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(true)
            .withLogs(false);
    if (stdin != null) {
      attach.withStdIn(new ByteArrayInputStream(stdin));
    }
    FrameSink sink = attach.exec(new FrameSink());
    boolean ended;
    try {
      sink.awaitStarted(10, TimeUnit.SECONDS);
      start.run();
      ended = sink.awaitEnd(LIMIT_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    } finally {
      // awaitEnd closes the stream; this covers a start that failed before it.
      closeQuietly(sink);
    }
    sink.copyTo(io);
    if (!ended && Thread.interrupted()) {
      if (!sigProxy) {
        // The CLI does not pass the signal on and dies of it: the learner's shell shows status
        // 130 (128 + SIGINT) and nothing else; the container goes on.
        io.errln(ctx.notes().get("attach.sigProxyOff", Ids.shortId(id)));
        return 130;
      }
      return interrupted(id, io);
    }
    return status(id, ended, io);
  }

  /**
   * Ctrl-C while following: the docker CLI proxies SIGINT to the container (its default {@code
   * --sig-proxy}); a PID 1 without a handler ignores it, and where the CLI would then stay attached
   * the REPL stops following and leaves the container running.
   */
  private int interrupted(String id, CommandIo io) {
    try {
      ctx.client().killContainerCmd(id).withSignal("SIGINT").exec();
      Integer status =
          ctx.client().waitContainerCmd(id).start().awaitStatusCode(3, TimeUnit.SECONDS);
      if (status != null) {
        return status;
      }
    } catch (RuntimeException e) {
      // Gone already, or still running after the signal: both end up below or in the wait.
    }
    io.errln(ctx.notes().get("attach.ignored", Ids.shortId(id)));
    return 0;
  }

  /** The same through a connection that can end the container's input after the text. */
  private int followWithStdin(
      java.net.URI host, String id, Runnable start, byte[] stdin, CommandIo io) {
    HijackedStream.Output o;
    try {
      HijackedStream stream =
          HijackedStream.open(
              host, "/containers/" + id + "/attach?stream=1&stdin=1&stdout=1&stderr=1", "");
      try {
        start.run();
      } catch (RuntimeException e) {
        stream.finish(new byte[0], java.time.Duration.ZERO);
        throw e;
      }
      o = stream.finish(stdin, java.time.Duration.ofSeconds(LIMIT_SECONDS));
    } catch (IOException e) {
      throw new io.dockerlings.simulator.cli.DockerException(
          ctx.notes().get("engine.connectionFailed", e), 1);
    }
    o.copyTo(io);
    return status(id, o.ended(), io);
  }

  private int status(String id, boolean ended, CommandIo io) {
    Integer status = null;
    if (ended) {
      try {
        status = ctx.client().waitContainerCmd(id).start().awaitStatusCode(10, TimeUnit.SECONDS);
      } catch (DockerClientException timeout) {
        ended = false;
      }
    }
    if (!ended) {
      io.errln(
          ctx.notes().get("attach.stillRunning", String.valueOf(LIMIT_SECONDS), Ids.shortId(id)));
      return 0;
    }
    return status == null ? 0 : status;
  }

  private static void closeQuietly(ResultCallback.Adapter<Frame> callback) {
    try {
      callback.close();
    } catch (IOException e) {
      // The stream is over either way; closing only frees the connection.
    }
  }
}
