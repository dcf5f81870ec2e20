package io.dockerlings.simulator.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Content checksums of build-context files, the part of the cache key that COPY and ADD add. */
final class Checksums {
  private Checksums() {}

  static String ofSources(Path context, List<String> sources) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String s : sources) {
        Path p = context.resolve(s).normalize();
        if (!Files.exists(p)) {
          continue;
        }
        try (Stream<Path> all = Files.walk(p)) {
          for (Path f : all.sorted().toList()) {
            md.update(context.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(f)) {
              md.update(Files.readAllBytes(f));
            }
          }
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }
}
