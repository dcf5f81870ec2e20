package io.dockerlings.simulator.engine;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference, {@code [registry[:port]/]path[:tag][@digest]}, normalised as the engine
 * normalises it ({@code nginx} is {@code docker.io/library/nginx:latest}).
 *
 * @param domain the registry, {@code docker.io} by default
 * @param path the repository path, {@code library/nginx} for official images
 * @param tag the tag, if given
 * @param digest the digest, if given
 */
record ImageRef(String domain, String path, Optional<String> tag, Optional<String> digest) {
  static final String HUB = "docker.io";

  /**
   * The grammar of distribution/reference, with possessive quantifiers: Go's regular expressions
   * run in linear time, Java's backtrack, and a 14,000-character name that fails to match took
   * hours (the separator {@code -*} may be empty, so a run of letters splits in every possible
   * way). The letters and the separators are disjoint, so never giving back what was matched
   * changes nothing.
   */
  private static final String COMPONENT = "[a-z0-9]++(?:(?:[._]|__|-*+)[a-z0-9]++)*+";

  private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*+");

  /** A DNS label, then dot-separated labels, then a port: letters and digits with inner dashes. */
  private static final Pattern DOMAIN =
      Pattern.compile(
          "[a-zA-Z0-9]++(?:-++[a-zA-Z0-9]++)*+(?:\\.[a-zA-Z0-9]++(?:-++[a-zA-Z0-9]++)*+)*+(?::[0-9]++)?");

  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}");

  /**
   * Parses with the engine's errors: {@code invalid reference format[: repository name must be
   * lowercase]}.
   */
  static ImageRef parse(String text) {
    String rest = text;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      String d = rest.substring(at + 1);
      if (!DIGEST.matcher(d).matches()) {
        throw Failure.client("invalid reference format");
      }
      digest = Optional.of(d);
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      String t = rest.substring(colon + 1);
      if (!TAG.matcher(t).matches()) {
        throw Failure.client("invalid reference format");
      }
      tag = Optional.of(t);
      rest = rest.substring(0, colon);
    }
    String domain = HUB;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      // Docker 20.10's CLI takes the first part for a registry only when it has a dot or a colon
      // or is localhost; an upper-case first part is then a repository name, and refused.
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        if (!DOMAIN.matcher(first).matches()) {
          throw Failure.client("invalid reference format");
        }
        domain = first;
        path = rest.substring(slash + 1);
      }
    }
    if (!PATH.matcher(path).matches()) {
      if (PATH.matcher(path.toLowerCase(java.util.Locale.ROOT)).matches()) {
        throw Failure.client("invalid reference format: repository name must be lowercase");
      }
      throw Failure.client("invalid reference format");
    }
    if (domain.equals(HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (text.length() > 255) {
      throw Failure.client("invalid reference format");
    }
    return new ImageRef(domain, path, tag, digest);
  }

  /** The tag, {@code latest} when none was given. */
  String tagOrLatest() {
    return tag.orElse("latest");
  }

  /**
   * The repository as listed by {@code docker images}: {@code nginx}, {@code user/app}, {@code
   * host:5000/x}.
   */
  String familiarRepository() {
    if (domain.equals(HUB)) {
      return path.startsWith("library/") ? path.substring(8) : path;
    }
    return domain + "/" + path;
  }

  /** {@code nginx:latest}: the repository with the tag (latest by default). */
  String familiarTagged() {
    return familiarRepository() + ":" + tagOrLatest();
  }

  /** {@code docker.io/library/nginx:latest}. */
  String fullTagged() {
    return domain + "/" + path + ":" + tagOrLatest();
  }
}
