package io.dockerlings.real;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One session's image tags on a shared engine. A tag the session makes ({@code build -t app},
 * {@code tag}, {@code commit}, {@code import}) is, on the engine, the same reference with the
 * session's prefix before its last path component: {@code app} is {@code dl-<session>.app}, {@code
 * tools/hello:v1} is {@code tools/dl-<session>.hello:v1}. That is still a repository name the
 * engine takes (lower case, a prefix without {@code /}, so the first component never turns into a
 * registry host), and answers show it without the prefix as they do names. A reference to a
 * registry on this machine ({@code localhost:5000/app}) keeps its path and gets the session's port
 * instead ({@link PortScope}), so {@code push} reaches the session's own registry.
 *
 * <p>A reference the learner reads with ({@code run app}, {@code inspect}, {@code rmi}) is the
 * session's tag when it has one, else the engine's image of that name, so busybox and registry:2
 * stay usable. Another session's tags are never reached by name, and are left out of lists.
 */
final class ImageScope {
  /** A repository path component, as the reference grammar has it. */
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

  /** Any session's prefix at the start of a component: {@code dl-<something>.}. */
  private static final Pattern ANY_PREFIX = Pattern.compile("(?:^|/)dl-[a-z0-9_-]+\\.");

  private final String prefix;
  private final PortScope ports;

  private ImageScope(String prefix, PortScope ports) {
    this.prefix = prefix;
    this.ports = ports;
  }

  /**
   * The scope of the session whose name prefix is {@code namePrefix} ({@code dl-<session>.}): the
   * same prefix for images when it is lower case and fits the grammar, else {@code dl-} and a hash
   * of it.
   */
  static ImageScope of(String namePrefix, PortScope ports) {
    String lower = namePrefix.toLowerCase(Locale.ROOT);
    if (lower.equals(namePrefix) && COMPONENT.matcher(namePrefix + "x").matches()) {
      return new ImageScope(namePrefix, ports);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(namePrefix.getBytes(StandardCharsets.UTF_8));
      return new ImageScope("dl-" + HexFormat.of().formatHex(hash).substring(0, 12) + ".", ports);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the session's tags start their last component with. */
  String prefix() {
    return prefix;
  }

  /** A reference split as the engine splits it: registry host, path, and tag or digest. */
  record Ref(String domain, String path, String suffix) {
    static Ref parse(String ref) {
      int at = ref.indexOf('@');
      String named = at < 0 ? ref : ref.substring(0, at);
      String digest = at < 0 ? "" : ref.substring(at);
      int slash = named.lastIndexOf('/');
      int colon = named.indexOf(':', slash + 1);
      String repo = colon < 0 ? named : named.substring(0, colon);
      String suffix = (colon < 0 ? "" : named.substring(colon)) + digest;
      int first = repo.indexOf('/');
      if (first > 0) {
        String head = repo.substring(0, first);
        if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
          return new Ref(head, repo.substring(first + 1), suffix);
        }
      }
      return new Ref("", repo, suffix);
    }

    @Override
    public String toString() {
      return (domain.isEmpty() ? "" : domain + "/") + path + suffix;
    }
  }

  /**
   * The engine's name of a tag the session makes: a reference to a registry on this machine gets
   * the session's port, any other its prefix; an id stays as it is.
   */
  String created(String ref) {
    if (ref.isEmpty() || ref.startsWith("sha256:")) {
      return ref;
    }
    Ref r = Ref.parse(ref);
    if (PortScope.isLocalRegistry(r.domain())) {
      return new Ref(ports.engineHost(r.domain()), r.path(), r.suffix()).toString();
    }
    int slash = r.path().lastIndexOf('/');
    if (r.path().startsWith(prefix, slash + 1)) {
      // Already the session's own (a tag read back from a tar this session saved).
      return ref;
    }
    String path = r.path().substring(0, slash + 1) + prefix + r.path().substring(slash + 1);
    return new Ref(r.domain(), path, r.suffix()).toString();
  }

  /**
   * The engine's reference for one the learner reads with: the session's tag of that name when it
   * {@code exists}, else the reference as it is (the engine's shared images, an id); a reference to
   * a registry on this machine always gets the session's port.
   */
  String resolve(String ref, Predicate<String> exists) {
    if (ref.isEmpty() || ref.startsWith("sha256:")) {
      return ref;
    }
    Ref r = Ref.parse(ref);
    if (PortScope.isLocalRegistry(r.domain())) {
      return created(ref);
    }
    String own = created(ref);
    if (own.equals(ref)) {
      return ref;
    }
    if (ANY_PREFIX.matcher(r.path()).find()) {
      // A name spelled with a session's prefix is nobody's to reach by name: it becomes one of
      // this session's that does not exist, and the engine's "No such image" names it as typed.
      return own;
    }
    return exists.test(own) ? own : ref;
  }

  /** A reference to pull from: the session's port for a registry on this machine, else as is. */
  String pulled(String ref) {
    Ref r = Ref.parse(ref);
    return PortScope.isLocalRegistry(r.domain())
        ? new Ref(ports.engineHost(r.domain()), r.path(), r.suffix()).toString()
        : ref;
  }

  /**
   * Whether an engine tag belongs to another session: a path component starting with a session's
   * prefix that is not this one's.
   */
  boolean othersTag(String engineTag) {
    java.util.regex.Matcher m = ANY_PREFIX.matcher(Ref.parse(engineTag).path());
    while (m.find()) {
      String found = m.group().startsWith("/") ? m.group().substring(1) : m.group();
      if (!found.equals(prefix)) {
        return true;
      }
    }
    return false;
  }
}
