package io.dockerlings.simulator.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the entries of a tar archive (plain or gzip-compressed), as {@code ADD} extracts a local
 * archive into the image: regular files, directories and symlinks.
 */
final class TarReader {
  /** One archive member. */
  record Entry(String name, char type, byte[] content, int mode, String linkTarget) {}

  private TarReader() {}

  /** Whether the bytes look like a tar archive, compressed or not. */
  static boolean isArchive(byte[] data) {
    if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
      return true;
    }
    return data.length >= 512
        && new String(data, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }

  static List<Entry> read(byte[] data) throws IOException {
    InputStream in = new ByteArrayInputStream(data);
    if ((data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
      in = new GZIPInputStream(in);
    }
    List<Entry> out = new ArrayList<>();
    byte[] header = new byte[512];
    while (in.readNBytes(header, 0, 512) == 512) {
      String name = field(header, 0, 100);
      if (name.isEmpty()) {
        break;
      }
      String prefix = field(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = octal(field(header, 124, 12));
      int mode = (int) octal(field(header, 100, 8));
      char type = (char) header[156];
      String link = field(header, 157, 100);
      byte[] content = in.readNBytes((int) size);
      long pad = (512 - size % 512) % 512;
      in.skipNBytes(pad);
      out.add(new Entry(name, type == 0 ? '0' : type, content, mode, link));
    }
    return out;
  }

  private static String field(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8).trim();
  }

  private static long octal(String s) {
    return s.isEmpty() ? 0 : Long.parseLong(s.trim(), 8);
  }
}
