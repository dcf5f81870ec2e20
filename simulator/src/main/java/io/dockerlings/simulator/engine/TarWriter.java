package io.dockerlings.simulator.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Writes a ustar archive, as {@code docker save} and {@code docker export} produce. */
final class TarWriter {
  private final OutputStream out;

  TarWriter(OutputStream out) {
    this.out = out;
  }

  void directory(String name, int mode, Instant mtime) throws IOException {
    header(name.endsWith("/") ? name : name + "/", 0, mode, '5', "", mtime);
  }

  void file(String name, byte[] content, int mode, Instant mtime) throws IOException {
    header(name, content.length, mode, '0', "", mtime);
    out.write(content);
    pad(content.length);
  }

  void symlink(String name, String target, Instant mtime) throws IOException {
    header(name, 0, 0777, '2', target, mtime);
  }

  /** The two empty blocks that end an archive. */
  void finish() throws IOException {
    out.write(new byte[1024]);
    out.flush();
  }

  private void pad(long size) throws IOException {
    long rest = (512 - size % 512) % 512;
    out.write(new byte[(int) rest]);
  }

  private void header(String name, long size, int mode, char type, String link, Instant mtime)
      throws IOException {
    byte[] h = new byte[512];
    String prefix = "";
    String base = name;
    if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
      int cut = name.lastIndexOf('/', 154);
      prefix = name.substring(0, cut);
      base = name.substring(cut + 1);
    }
    put(h, 0, 100, base);
    put(h, 100, 8, String.format("%07o", mode & 07777));
    put(h, 108, 8, "0000000");
    put(h, 116, 8, "0000000");
    put(h, 124, 12, String.format("%011o", size));
    put(h, 136, 12, String.format("%011o", mtime.getEpochSecond()));
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) type;
    put(h, 157, 100, link);
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    put(h, 345, 155, prefix);
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, 8, String.format("%06o", sum) + "\0 ");
    out.write(h);
  }

  private static void put(byte[] h, int off, int len, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, off, Math.min(len, b.length));
  }

  /** The bytes of a whole archive built by {@code body}. */
  static byte[] toBytes(IoConsumer<TarWriter> body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TarWriter w = new TarWriter(bytes);
    body.accept(w);
    w.finish();
    return bytes.toByteArray();
  }

  /** A step that writes to an archive and may fail with an I/O error. */
  @FunctionalInterface
  interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }
}
