package io.dockerlings.simulator.sh;

import java.util.ArrayDeque;
import java.util.Deque;

/** Pure path arithmetic for absolute container paths: resolution and normalisation. */
public final class Paths {
  private Paths() {}

  /** Resolves {@code path} against {@code cwd} and removes {@code .}, {@code ..} and {@code //}. */
  public static String resolve(String cwd, String path) {
    String joined = path.startsWith("/") ? path : cwd + "/" + path;
    return normalize(joined);
  }

  /** Normalises an absolute path; {@code ..} at the root stays at the root. */
  public static String normalize(String absolute) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : absolute.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** The parent of a normalised absolute path; the root's parent is the root. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  /** The last component of a normalised absolute path; empty for the root. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
