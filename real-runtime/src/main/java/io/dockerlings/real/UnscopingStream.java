package io.dockerlings.real;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON answer of the engine, read as it arrives, with a session's name prefix taken out wherever
 * it starts a name (as {@link NameScope#toLearner} does for a whole text): for streams such as
 * {@code build}'s messages that cannot be read whole first. It holds back at most the prefix's
 * length less one byte, and only while those bytes could still become the prefix.
 */
final class UnscopingStream extends FilterInputStream {
  private final byte[] prefix;
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
    super(body);
    this.prefix = prefix.clone();
    this.held = new byte[prefix.length];
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
    byte[] result = new byte[data.length];
    int len = 0;
    int i = 0;
    while (i < data.length) {
      if (data[i] == prefix[0] && !NameScope.isNameChar(previous)) {
        int m = 0;
        while (m < prefix.length && i + m < data.length && data[i + m] == prefix[m]) {
          m++;
        }
        if (m == prefix.length) {
          previous = prefix[prefix.length - 1];
          i += m;
          continue;
        }
        if (i + m == data.length) {
          // The chunk ends inside what may yet be the prefix: decide with the next chunk.
          System.arraycopy(data, i, held, 0, m);
          heldLen = m;
          break;
        }
      }
      previous = data[i] & 0xff;
      result[len++] = data[i++];
    }
    out = result;
    outPos = 0;
    outLen = len;
  }
}
