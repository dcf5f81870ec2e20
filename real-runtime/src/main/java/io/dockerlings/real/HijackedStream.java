package io.dockerlings.real;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One upgraded ("hijacked") Engine API connection that feeds a process its whole stdin and then
 * half-closes, so the process sees end of input as it does under the docker CLI; docker-java's
 * transport never half-closes, and {@code cat} would wait forever. Reads the multiplexed
 * stdout/stderr frames until the engine ends the stream. Plain sockets only: unix and tcp.
 */
final class HijackedStream {
  /**
   * What came back: the two streams in the order their frames came, and whether the stream ended
   * within the time limit.
   */
  record Output(OrderedOutput output, boolean ended) {
    /** Writes the output to the command's stdout and stderr, in the order it came. */
    void copyTo(io.dockerlings.simulator.cli.CommandIo io) {
      output.copyTo(io);
    }
  }

  private final SocketChannel channel;
  private final OrderedOutput output = new OrderedOutput();
  private final CompletableFuture<Void> reader;

  private HijackedStream(SocketChannel channel) {
    this.channel = channel;
    InputStream in = input(channel);
    this.reader =
        CompletableFuture.runAsync(
            () -> {
              try {
                demultiplex(in);
              } catch (IOException e) {
                // The connection went away: what arrived so far is the output.
              }
            });
  }

  /** Whether {@code host} is a socket this class can speak to. */
  static boolean supports(URI host) {
    return host != null && ("unix".equals(host.getScheme()) || "tcp".equals(host.getScheme()));
  }

  /**
   * POSTs {@code path} with {@code jsonBody}, asking for an upgrade; once this returns, the engine
   * streams the process's output to this connection.
   */
  static HijackedStream open(URI host, String path, String jsonBody) throws IOException {
    return new HijackedStream(upgrade(host, path, jsonBody));
  }

  /**
   * POSTs {@code path} with {@code jsonBody}, asking for an upgrade, and returns the connection
   * once the engine has answered: from then on it carries the process's stream both ways.
   */
  static SocketChannel upgrade(URI host, String path, String jsonBody) throws IOException {
    SocketChannel channel = connect(host);
    try {
      byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
      write(channel, head.getBytes(StandardCharsets.US_ASCII));
      write(channel, body);
      String status = readHeaders(input(channel));
      if (!status.contains(" 101 ") && !status.contains(" 200 ")) {
        throw new IOException("the engine refused the attach: " + status);
      }
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Writes {@code stdin}, closes the writing half (end of input for the process) and collects the
   * output until the engine ends the stream or {@code limit} passes; then closes the connection.
   */
  Output finish(byte[] stdin, Duration limit) throws IOException {
    boolean ended = false;
    try {
      write(channel, stdin);
      channel.shutdownOutput();
      reader.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      ended = true;
    } catch (TimeoutException e) {
      ended = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      ended = true;
    } finally {
      channel.close();
    }
    return new Output(output, ended);
  }

  /**
   * Writes straight to the channel: the {@code Channels} stream adapters share one lock between
   * reading and writing, so a reader blocked on output would stop the stdin from going out.
   */
  static void write(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** An unbuffered stream over the channel's own reads (see {@link #write}). */
  static InputStream input(SocketChannel channel) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, len));
        return n < 0 ? -1 : n;
      }
    };
  }

  private static SocketChannel connect(URI host) throws IOException {
    if ("unix".equals(host.getScheme())) {
      SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
      c.connect(UnixDomainSocketAddress.of(host.getPath()));
      return c;
    }
    return SocketChannel.open(new java.net.InetSocketAddress(host.getHost(), host.getPort()));
  }

  /** Reads the status line and headers, byte by byte so no frame byte is swallowed. */
  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the engine closed the connection before answering");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    return text.substring(0, text.indexOf("\r\n"));
  }

  /** Frames: one byte of stream (1 stdout, 2 stderr), three zero bytes, a big-endian size. */
  private void demultiplex(InputStream in) throws IOException {
    byte[] header = new byte[8];
    while (in.readNBytes(header, 0, 8) == 8) {
      int size =
          (header[4] & 0xff) << 24
              | (header[5] & 0xff) << 16
              | (header[6] & 0xff) << 8
              | (header[7] & 0xff);
      byte[] payload = in.readNBytes(size);
      output.write(header[0] == 2, payload);
    }
  }
}
