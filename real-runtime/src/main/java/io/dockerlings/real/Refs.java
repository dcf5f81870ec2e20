package io.dockerlings.real;

import io.dockerlings.simulator.cli.DockerException;
import java.util.regex.Pattern;

/**
 * Image references as the docker CLI reads them before it calls the engine: checked for the
 * reference grammar, and written in the familiar {@code name:tag} form the sandbox's ledger keys.
 */
final class Refs {
  /** The distribution reference grammar, lowercase repository, optional tag or digest. */
  private static final Pattern VALID =
      Pattern.compile(
          "(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
              + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
              + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

  private Refs() {}

  /** {@code name:tag}, with {@code :latest} added when no tag or digest is given. */
  static String tagged(String ref) {
    int slash = ref.lastIndexOf('/');
    return ref.indexOf(':', slash + 1) < 0 && !ref.contains("@") ? ref + ":latest" : ref;
  }

  /** The repository part of a tagged reference. */
  static String repository(String tagged) {
    int slash = tagged.lastIndexOf('/');
    int colon = tagged.indexOf(':', slash + 1);
    return colon < 0 ? tagged : tagged.substring(0, colon);
  }

  /** The tag part of a reference; {@code latest} when none is given. */
  static String tag(String ref) {
    String t = tagged(ref);
    return t.substring(repository(t).length() + 1);
  }

  /** Whether the reference is well formed; the reason, worded as the CLI's parser words it. */
  static java.util.Optional<String> problem(String ref) {
    if (VALID.matcher(ref).matches()) {
      return java.util.Optional.empty();
    }
    String lower = ref.toLowerCase(java.util.Locale.ROOT);
    if (!ref.equals(lower) && VALID.matcher(repositoryLowered(ref)).matches()) {
      return java.util.Optional.of("invalid reference format: repository name must be lowercase");
    }
    return java.util.Optional.of("invalid reference format");
  }

  private static String repositoryLowered(String ref) {
    String repo = repository(ref);
    return repo.toLowerCase(java.util.Locale.ROOT) + ref.substring(repo.length());
  }

  /** {@code docker tag}'s refusal of a malformed target, exit 1. */
  static DockerException parseError(String ref, String why) {
    return new DockerException(
        "Error parsing reference: \"" + ref + "\" is not a valid repository/tag: " + why, 1);
  }
}
