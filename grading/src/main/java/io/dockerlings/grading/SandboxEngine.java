package io.dockerlings.grading;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.ForwardingDockerEngine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real engine's sandbox as grading uses it. Container names and image tags are the engine's,
 * shared with everyone who uses it: a command refused because another user's container holds the
 * name, or another user's image the tag, is tried again for a while, so that a short-lived
 * neighbour does not change the grade. A file in a named volume is the real engine's own reading
 * (through a throwaway {@code busybox} container), so that volume checks judge a real replay as
 * they judge a simulated one. A registry's tags are the real engine's answer, which reads the
 * registry's HTTP API, so that a registry the learner runs with a published port can be checked.
 */
final class SandboxEngine extends ForwardingDockerEngine {
  private static final Pattern NAME_TAKEN =
      Pattern.compile("The container name \"/([^\"]+)\" is already in use");

  /** How the sandbox refuses to move a tag that another user's image holds. */
  private static final String TAG_TAKEN = "is not part of this sandbox";

  /** The commands that make an image tag. */
  private static final List<String> TAGGING = List.of("build", "tag", "commit", "image");

  private final Duration patience;
  private final Duration pause;

  /**
   * @param patience how long a command refused for a name another user holds is tried again
   * @param pause the wait between tries
   */
  SandboxEngine(DockerEngine engine, Duration patience, Duration pause) {
    super(engine);
    this.patience = patience;
    this.pause = pause;
  }

  SandboxEngine(DockerEngine engine) {
    this(engine, Duration.ofSeconds(20), Duration.ofSeconds(1));
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    long until = System.nanoTime() + patience.toNanos();
    while (true) {
      CommandResult r = delegate().execute(argv, stdin);
      if (r.exitCode() == 0 || !heldByOthers(argv, r) || System.nanoTime() > until) {
        return r;
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return r;
      }
    }
  }

  /**
   * Whether the engine refused because someone else holds a container name or an image tag the
   * command wants (not the learner's own earlier container, which is the learner's mistake).
   */
  private boolean heldByOthers(List<String> argv, CommandResult r) {
    Matcher m = NAME_TAKEN.matcher(r.stderr());
    if (m.find()) {
      return !delegate().containerNames().contains(m.group(1));
    }
    return argv.size() > 1
        && TAGGING.contains(argv.get(1))
        && (r.stderr() + r.stdout()).contains(TAG_TAKEN);
  }

  /** The real engine's own reading, through a throwaway container. */
  @Override
  public Optional<String> readVolumeFile(String volume, String path) {
    return delegate().readVolumeFile(volume, path);
  }

  @Override
  public Optional<String> readFile(String container, String path) {
    return delegate().readFile(container, path);
  }

  @Override
  public Optional<List<String>> diff(String container) {
    return delegate().diff(container);
  }

  /** The real engine's answer, which asks the registry's HTTP API. */
  @Override
  public Optional<List<String>> registryTags(String registry, String repository) {
    return delegate().registryTags(registry, repository);
  }

  @Override
  public Optional<Integer> layerOf(String image, String path) {
    return delegate().layerOf(image, path);
  }
}
