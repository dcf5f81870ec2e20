package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * busybox {@code md5sum}, {@code sha1sum}, {@code sha256sum} and {@code sha512sum}: the digest of
 * each file's bytes (stdin for none or {@code -}), and {@code -c} reading {@code HASH NAME} lines
 * back, with {@code -s} (status only) and {@code -w} (warn about lines that are not sums).
 */
final class SumApplets {
  private SumApplets() {}

  /** Each applet with the JDK's name for its digest and the name busybox's usage gives it. */
  private static final Map<String, String[]> DIGESTS =
      Map.of(
          "md5sum", new String[] {"MD5", "MD5"},
          "sha1sum", new String[] {"SHA-1", "SHA1"},
          "sha256sum", new String[] {"SHA-256", "SHA256"},
          "sha512sum", new String[] {"SHA-512", "SHA512"});

  static void register(Map<String, Applet> m) {
    for (String name : DIGESTS.keySet()) {
      m.put(name, SumApplets::run);
    }
  }

  private static String usage(String name) {
    return Usage.HEADER
        + "Usage: "
        + name
        + " [-c[sw]] [FILE]...\n\n"
        + "Print or check "
        + DIGESTS.get(name)[1]
        + " checksums\n\n"
        + "\t-c\tCheck sums against list in FILEs\n"
        + "\t-s\tDon't output anything, status code shows success\n"
        + "\t-w\tWarn about improperly formatted checksum lines\n";
  }

  static int run(List<String> argv, AppletContext c) {
    String name = Paths.name(argv.get(0));
    boolean check = false;
    boolean silent = false;
    boolean warn = false;
    List<String> files = new ArrayList<>();
    boolean options = true;
    for (String w : argv.subList(1, argv.size())) {
      if (!options || !w.startsWith("-") || w.length() < 2) {
        files.add(w);
        continue;
      }
      if (w.equals("--")) {
        options = false;
        continue;
      }
      for (char ch : w.substring(1).toCharArray()) {
        switch (ch) {
          case 'c' -> check = true;
          case 's' -> silent = true;
          case 'w' -> warn = true;
          case 'b', 't' -> {
            // accepted and ignored: busybox reads every file as bytes
          }
          default -> {
            c.err(name + ": invalid option -- '" + ch + "'\n" + usage(name));
            return 1;
          }
        }
      }
    }
    if ((silent || warn) && !check) {
      c.err(usage(name));
      return 1;
    }
    if (files.isEmpty()) {
      files.add("-");
    }
    int status = 0;
    for (String f : files) {
      if (check) {
        Optional<Integer> checked = check(name, f, silent, warn, c);
        if (checked.isEmpty()) {
          return 1;
        }
        status |= checked.get();
      } else {
        Optional<String> hash = hash(name, f, c);
        if (hash.isPresent()) {
          c.out(hash.get() + "  " + f + "\n");
        } else {
          status = 1;
        }
      }
    }
    return status;
  }

  /**
   * The sums file's lines checked; empty when the list itself cannot be read (the applet ends
   * then).
   */
  private static Optional<Integer> check(
      String name, String list, boolean silent, boolean warn, AppletContext c) {
    byte[] data;
    if (list.equals("-")) {
      data = c.stdinBytes();
    } else {
      try {
        data = c.fs().read(c.resolve(list), Limits.FILE_BYTES);
      } catch (FsException e) {
        c.err(name + ": " + list + ": " + e.reason().text() + "\n");
        return Optional.empty();
      }
    }
    String text = new String(data, StandardCharsets.ISO_8859_1);
    int total = 0;
    int failed = 0;
    for (String line : TextApplets.lines(text)) {
      String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
      total++;
      int sep = body.indexOf("  ");
      if (sep < 0) {
        sep = body.indexOf(" *");
      }
      if (sep < 0) {
        if (warn) {
          c.err(name + ": invalid format\n");
        }
        failed++;
        continue;
      }
      String file = latin1ToUtf8(body.substring(sep + 2));
      Optional<String> hash = hash(name, file, c);
      boolean ok = hash.isPresent() && hash.get().equals(body.substring(0, sep));
      if (!silent) {
        c.out(file + (ok ? ": OK\n" : ": FAILED\n"));
      }
      if (!ok) {
        failed++;
      }
    }
    if (failed > 0 && !silent) {
      c.err(name + ": WARNING: " + failed + " of " + total + " computed checksums did NOT match\n");
    }
    if (total == 0) {
      c.err(name + ": " + list + ": no checksum lines found\n");
      return Optional.of(1);
    }
    return Optional.of(failed > 0 ? 1 : 0);
  }

  private static String latin1ToUtf8(String s) {
    return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** The lowercase hex digest of a file's bytes ({@code -}: stdin), or empty after the error. */
  private static Optional<String> hash(String name, String file, AppletContext c) {
    byte[] data;
    if (file.equals("-")) {
      data = c.stdinBytes();
    } else {
      String p = c.resolve(file);
      try {
        if (c.fs().exists(p) && c.fs().stat(p).isDirectory()) {
          c.err(name + ": can't read '" + file + "': Is a directory\n");
          return Optional.empty();
        }
        data = c.fs().read(p, Limits.FILE_BYTES);
      } catch (FsException e) {
        c.err(name + ": can't open '" + file + "': " + e.reason().text() + "\n");
        return Optional.empty();
      }
    }
    try {
      MessageDigest md = MessageDigest.getInstance(DIGESTS.get(name)[0]);
      return Optional.of(HexFormat.of().formatHex(md.digest(data)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + DIGESTS.get(name)[0], e);
    }
  }
}
