package io.dockerlings.real;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.InteractiveSession;
import io.dockerlings.simulator.RawTerminal;
import io.dockerlings.simulator.cli.DockerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The terminal of a process on the engine ({@code run -it}, {@code exec -it}, {@code attach} to a
 * container with a tty): one upgraded connection carrying the learner's keys in and the terminal's
 * bytes out. The engine's own detach keys (Ctrl-P Ctrl-Q) end the stream and leave the process
 * running; the process's exit ends it too.
 */
final class RealTerminal implements InteractiveSession, RawTerminal {
  /** What opened the terminal. */
  enum Kind {
    RUN,
    EXEC,
    ATTACH
  }

  private static final byte[] END = new byte[0];

  private final RealContext ctx;
  private final SocketChannel channel;
  private final Kind kind;
  private final String containerId;
  private final String execId;
  private final boolean autoRemove;
  private final BlockingQueue<byte[]> arrived = new LinkedBlockingQueue<>();
  private volatile boolean streamEnded;
  private byte lastKey;
  private boolean detachTyped;
  private CommandResult ending;

  private RealTerminal(
      RealContext ctx,
      SocketChannel channel,
      Kind kind,
      String containerId,
      String execId,
      boolean autoRemove) {
    this.ctx = ctx;
    this.channel = channel;
    this.kind = kind;
    this.containerId = containerId;
    this.execId = execId;
    this.autoRemove = autoRemove;
    Thread reader = new Thread(this::pump, "dockerlings-terminal");
    reader.setDaemon(true);
    reader.start();
  }

  /** The host's engine socket, or the reason there is none this class can use. */
  private static URI host(RealContext ctx) {
    return ctx.api()
        .host()
        .filter(HijackedStream::supports)
        .orElseThrow(() -> new DockerException(ctx.notes().get("terminal.socketOnly"), 1));
  }

  /** Attaches to a container's terminal ({@code run -it} before it starts, or {@code attach}). */
  static RealTerminal attach(RealContext ctx, String id, Kind kind, boolean autoRemove) {
    try {
      SocketChannel c =
          HijackedStream.upgrade(
              host(ctx), "/containers/" + id + "/attach?stream=1&stdin=1&stdout=1&stderr=1", "");
      return new RealTerminal(ctx, c, kind, id, null, autoRemove);
    } catch (IOException e) {
      throw new DockerException(ctx.notes().get("engine.connectionFailed", e), 1);
    }
  }

  /** Starts a created exec with a tty and gives its terminal. */
  static RealTerminal exec(RealContext ctx, String containerId, String execId) {
    try {
      SocketChannel c =
          HijackedStream.upgrade(
              host(ctx), "/exec/" + execId + "/start", "{\"Detach\":false,\"Tty\":true}");
      return new RealTerminal(ctx, c, Kind.EXEC, containerId, execId, false);
    } catch (IOException e) {
      throw new DockerException(ctx.notes().get("engine.connectionFailed", e), 1);
    }
  }

  private void pump() {
    InputStream in = HijackedStream.input(channel);
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        arrived.add(java.util.Arrays.copyOf(buffer, n));
      }
    } catch (IOException e) {
      // The connection went away: the terminal has ended.
    } finally {
      streamEnded = true;
      arrived.add(END);
    }
  }

  // ---- RawTerminal -------------------------------------------------------------------------

  @Override
  public InputStream output() {
    return new InputStream() {
      private byte[] chunk = new byte[0];
      private int at;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (chunk == END) {
          return -1;
        }
        if (at >= chunk.length) {
          try {
            chunk = arrived.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
          }
          at = 0;
          if (chunk == END) {
            arrived.add(END);
            return -1;
          }
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  @Override
  public synchronized void send(byte[] keys) throws IOException {
    for (byte k : keys) {
      // The engine's default detach keys; it ends the stream itself when it reads them.
      detachTyped = lastKey == 0x10 && k == 0x11;
      lastKey = k;
    }
    HijackedStream.write(channel, keys);
  }

  @Override
  public void resize(int columns, int rows) {
    String path =
        (kind == Kind.EXEC ? "/exec/" + execId : "/containers/" + containerId)
            + "/resize?h="
            + rows
            + "&w="
            + columns;
    try {
      ctx.api().post(path, "");
    } catch (RuntimeException e) {
      // The process may have ended already; a size it never gets changes nothing.
    }
  }

  @Override
  public synchronized CommandResult end() {
    if (ending != null) {
      return ending;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Closing only frees the connection.
    }
    if (detachTyped) {
      ending =
          kind == Kind.RUN
              ? CommandResult.of(0, "", "")
              : CommandResult.of(1, "", "read escape sequence\n");
      return ending;
    }
    int status = kind == Kind.EXEC ? execStatus() : containerStatus();
    if (autoRemove) {
      try {
        ctx.client().removeContainerCmd(containerId).withForce(true).exec();
      } catch (RuntimeException gone) {
        // Removed already.
      }
    }
    ending = CommandResult.of(status, "", "");
    return ending;
  }

  private int containerStatus() {
    try {
      Integer s =
          ctx.client().waitContainerCmd(containerId).start().awaitStatusCode(10, TimeUnit.SECONDS);
      return s == null ? 0 : s;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private int execStatus() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      var inspect = ctx.client().inspectExecCmd(execId).exec();
      if (!Boolean.TRUE.equals(inspect.isRunning()) || System.nanoTime() > deadline) {
        Long code = inspect.getExitCodeLong();
        return code == null ? 0 : code.intValue();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }

  // ---- InteractiveSession, for callers without a terminal (lines in, text out) ------------

  @Override
  public Optional<RawTerminal> raw() {
    return Optional.of(this);
  }

  @Override
  public String prompt() {
    // The shell on the engine prints its own prompt; it is in the text each line answers.
    return "";
  }

  @Override
  public String send(String line) {
    try {
      send((line.equals(CTRL_C) ? line : line + "\r").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
    return settle();
  }

  /** What the terminal printed until it stayed quiet for a moment (or ended). */
  private String settle() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (System.nanoTime() < deadline) {
        byte[] chunk = arrived.poll(400, TimeUnit.MILLISECONDS);
        if (chunk == null) {
          break;
        }
        if (chunk == END) {
          arrived.add(END);
          break;
        }
        out.writeBytes(chunk);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the terminal printed meanwhile, until it stays quiet for a moment. */
  @Override
  public String poll() {
    return settle();
  }

  @Override
  public String endOfInput() {
    try {
      send(new byte[] {4});
    } catch (IOException e) {
      return "";
    }
    return settle();
  }

  @Override
  public void detach() {
    // A process that has already ended cannot be detached from: it ends as it would anyway
    // (its status read, --rm honoured).
    if (isOpen()) {
      try {
        send(new byte[] {0x10, 0x11});
      } catch (IOException e) {
        // Gone already.
      }
    }
    end();
  }

  @Override
  public boolean isOpen() {
    return ending == null && !(streamEnded && arrived.size() <= 1 && arrived.peek() == END);
  }

  @Override
  public int exitCode() {
    return end().exitCode();
  }
}
