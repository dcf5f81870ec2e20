package io.dockerlings.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.jline.nativ.JLineNativeLoader;
import org.jline.nativ.OSInfo;

/**
 * JLine's native terminal library kept in dockerlings' own directory, so that a start loads it
 * where it already is. Left to itself JLine copies it out of the jar into the temporary directory
 * at every start, reads the copy back to compare the two, and lists that directory for old copies:
 * a tenth of the terminal's opening on a small machine, and a file written outside dockerlings' own
 * directory each time. The copy kept here is named after the library's checksum in the jar, so
 * another JLine version gets its own, and it is written whole or not at all (a temporary file moved
 * into place), so a start killed half-way leaves nothing a later start would trust.
 */
final class NativeLibrary {
  /** JLine's own system property naming the directory its native library is loaded from. */
  static final String PATH_PROPERTY = "library.jline.path";

  /** JLine's own system property naming the directory it extracts to and cleans up in. */
  static final String TMPDIR_PROPERTY = "jline.tmpdir";

  private NativeLibrary() {}

  /**
   * Makes sure this platform's library is in a directory under {@code root} and returns that
   * directory; empty when JLine carries no library for this platform, when the library is not in a
   * jar, or when the directory cannot be written (JLine then does as it always did).
   */
  static Optional<Path> prepare(Path root) {
    String name = libraryName();
    URL url = JLineNativeLoader.class.getResource(resource(name));
    if (url == null) {
      return Optional.empty();
    }
    try {
      URLConnection connection = url.openConnection();
      if (!(connection instanceof JarURLConnection jar) || jar.getJarEntry() == null) {
        return Optional.empty();
      }
      // The jar's directory records each entry's checksum and size: no need to inflate it to know.
      long crc = jar.getJarEntry().getCrc();
      long size = jar.getJarEntry().getSize();
      if (crc < 0 || size < 0) {
        return Optional.empty();
      }
      Path dir = root.resolve("jline-" + Long.toHexString(crc));
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file) && Files.size(file) == size) {
        return Optional.of(dir);
      }
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, name, ".partial");
      try (InputStream in = jar.getInputStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        if (Files.size(partial) != size) {
          return Optional.empty();
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return Optional.of(dir);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Points JLine at the library kept under {@code root} (see {@link #prepare}) unless the JVM was
   * told where it is already; returns whether JLine will load it from there.
   */
  static boolean useFrom(Path root) {
    if (System.getProperty(PATH_PROPERTY) != null) {
      return false;
    }
    Optional<Path> dir = prepare(root);
    if (dir.isEmpty()) {
      return false;
    }
    System.setProperty(PATH_PROPERTY, dir.get().toString());
    // JLine still lists its extraction directory for stale copies: this small one, not /tmp.
    System.setProperty(TMPDIR_PROPERTY, dir.get().toString());
    return true;
  }

  /** The library's file name on this platform, as JLine spells it. */
  static String libraryName() {
    String name = System.mapLibraryName("jlinenative");
    return name.endsWith(".dylib") ? name.replace(".dylib", ".jnilib") : name;
  }

  private static String resource(String name) {
    return "/org/jline/nativ/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
  }
}
