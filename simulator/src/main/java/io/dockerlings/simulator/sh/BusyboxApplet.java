package io.dockerlings.simulator.sh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code busybox} itself: alone or with {@code --help} its banner and the list of the applets this
 * build holds (the same names the image links in /bin), {@code --list} one per line, and a name it
 * does not hold refused. {@code busybox APPLET ARGS} runs the applet (see {@link Execution}).
 */
final class BusyboxApplet {
  private BusyboxApplet() {}

  /** The applets of the image's busybox, in its order (the image's /bin links are made from it). */
  static final List<String> NAMES = read();

  private static final String HELP =
      "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n"
          + "BusyBox is copyrighted by many authors between 1998-2015.\n"
          + "Licensed under GPLv2. See source distribution for detailed\n"
          + "copyright notices.\n\n"
          + "Usage: busybox [function [arguments]...]\n"
          + "   or: busybox --list[-full]\n"
          + "   or: busybox --install [-s] [DIR]\n"
          + "   or: function [arguments]...\n\n"
          + "\tBusyBox is a multi-call binary that combines many common Unix\n"
          + "\tutilities into a single executable.  The shell in this build\n"
          + "\tis configured to run built-in utilities without $PATH search.\n"
          + "\tYou don't need to install a link to busybox for each utility.\n"
          + "\tTo run external program, use full path (/sbin/ip instead of ip).\n\n"
          + "Currently defined functions:\n";

  /** Whether {@code busybox NAME ...} runs an applet of this build. */
  static boolean holds(String name) {
    return NAMES.contains(name);
  }

  static int run(List<String> argv, AppletContext c) {
    String first = argv.size() > 1 ? argv.get(1) : "--help";
    switch (first) {
      case "--help" -> {
        c.out(HELP + functions(80));
        return 0;
      }
      case "--list" -> {
        StringBuilder b = new StringBuilder();
        NAMES.forEach(n -> b.append(n).append('\n'));
        c.out(b.toString());
        return 0;
      }
      case "--list-full", "--install" -> {
        c.err(c.notes().get("sh.notSimulated", "busybox " + first) + "\n");
        return 127;
      }
      default -> {
        // Names it holds are run by the shell before they get here; the rest are unknown.
        c.err(first + ": applet not found\n");
        return 127;
      }
    }
  }

  /** The names after a tab, comma-separated, wrapped as busybox wraps them for {@code width}. */
  static String functions(int width) {
    StringBuilder out = new StringBuilder();
    int limit = width - 1;
    int col = 0;
    for (String n : NAMES) {
      int len = n.length() + 2;
      if (col >= limit - len) {
        out.append(",\n");
        col = 0;
      }
      if (col == 0) {
        col = 6;
        out.append('\t');
      } else {
        out.append(", ");
      }
      out.append(n);
      col += len;
    }
    return out.append('\n').toString();
  }

  private static List<String> read() {
    String resource = "/io/dockerlings/simulator/engine/busybox-applets.txt";
    try (InputStream in = BusyboxApplet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
