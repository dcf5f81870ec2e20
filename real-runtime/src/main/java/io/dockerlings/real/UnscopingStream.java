package io.dockerlings.real;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON answer of the engine, read as it arrives, with a session's name prefix taken out wherever
 * it starts a name (as {@link NameScope#toLearner} does for a whole text), and any further {@link
 * Rewrite}s made (the engine's host ports shown as the learner's): for streams such as {@code
 * build}'s messages that cannot be read whole first. It holds back at most the longest text's
 * length less one byte, and only while those bytes could still become one of them.
 */
final class UnscopingStream extends FilterInputStream {
  private final byte[][] froms;
  private final byte[][] tos;
  private final byte[] in = new byte[8192];
  private byte[] out = new byte[0];
  private int outPos;
  private int outLen;

  /** Bytes read but not yet decided on: a possible start of the prefix. */
  private final byte[] held;

  private int heldLen;

  /** The last byte passed on (or dropped as the prefix's end), for the boundary test. */
  private int previous = -1;

  private boolean eof;

  UnscopingStream(InputStream body, byte[] prefix) {
    this(body, java.util.List.of(new Rewrite(prefix, new byte[0])));
  }

  /**
   * The answer with each rewrite made; where two could start at one byte, the first listed wins.
   */
  UnscopingStream(InputStream body, java.util.List<Rewrite> rewrites) {
    super(body);
    this.froms = new byte[rewrites.size()][];
    this.tos = new byte[rewrites.size()][];
    int longest = 1;
    for (int r = 0; r < rewrites.size(); r++) {
      froms[r] = rewrites.get(r).from();
      tos[r] = rewrites.get(r).to();
      longest = Math.max(longest, froms[r].length);
    }
    this.held = new byte[longest];
  }

  /** {@code text} with the rewrites made, as the stream makes them. */
  static String rewrite(String text, java.util.List<Rewrite> rewrites) {
    try (InputStream in =
        new UnscopingStream(
            new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            rewrites)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (outPos == outLen) {
      if (eof) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    byte[] scratch = new byte[1024];
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public int available() {
    return outLen - outPos;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads one chunk and decides every byte that can be decided. */
  private void fill() throws IOException {
    int n = super.read(in, 0, in.length);
    byte[] data;
    if (n < 0) {
      eof = true;
      data = java.util.Arrays.copyOf(held, heldLen);
      heldLen = 0;
      out = data;
      outPos = 0;
      outLen = data.length;
      return;
    }
    data = new byte[heldLen + n];
    System.arraycopy(held, 0, data, 0, heldLen);
    System.arraycopy(in, 0, data, heldLen, n);
    heldLen = 0;
    java.io.ByteArrayOutputStream result = new java.io.ByteArrayOutputStream(data.length);
    int i = 0;
    scan:
    while (i < data.length) {
      if (!NameScope.isNameChar(previous)) {
        boolean undecided = false;
        for (int r = 0; r < froms.length; r++) {
          byte[] from = froms[r];
          int m = 0;
          while (m < from.length && i + m < data.length && data[i + m] == from[m]) {
            m++;
          }
          if (m == from.length) {
            result.write(tos[r], 0, tos[r].length);
            previous = from[from.length - 1];
            i += m;
            continue scan;
          }
          undecided |= m > 0 && i + m == data.length;
        }
        if (undecided) {
          // The chunk ends inside what may yet be one of the texts: decide with the next chunk.
          heldLen = data.length - i;
          System.arraycopy(data, i, held, 0, heldLen);
          break;
        }
      }
      previous = data[i] & 0xff;
      result.write(data[i++]);
    }
    out = result.toByteArray();
    outPos = 0;
    outLen = out.length;
  }
}
