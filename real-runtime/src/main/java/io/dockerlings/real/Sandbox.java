package io.dockerlings.real;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one learner's real-mode session owns on the engine: every container, network, volume and
 * built image carries its labels, and image tags it made are kept in a ledger file. It removes all
 * of it on demand, and removes what sessions that died left behind.
 *
 * <p>Only objects with this sandbox's label, or tags in its ledger, are ever removed; the ledger is
 * written atomically (temporary file, then rename) so a kill at any moment leaves the old or the
 * new ledger, never a torn one.
 *
 * <p>A tag carries no label, so each ledger entry also has a marker on the engine: an empty volume
 * labelled with the session, its owner, the entry and the image the tag named. Cleanup at any start
 * on this machine finds a dead session's tags through those labels, whichever home its ledger was
 * in; a marker's volume is not labelled as the session's own, so no listing shows it.
 */
final class Sandbox {
  static final String SANDBOX = "io.dockerlings.sandbox";
  static final String OWNER = "io.dockerlings.owner";

  /** How the ledger marks an anonymous volume among the image tags. */
  private static final String VOLUME = "volume:";

  private final DockerClient client;
  private final String session;
  private final String owner;
  private final Path ledger;
  private final Set<String> tags = new LinkedHashSet<>();

  /** The engine's name of a tag the session makes (its image scope); the same name without one. */
  private final java.util.function.UnaryOperator<String> engineTag;

  /**
   * The engine's name of a tag a pull brings in (a registry on this machine: the session's port).
   */
  private final java.util.function.UnaryOperator<String> pulledTag;

  Sandbox(DockerClient client, RealOptions options) {
    this(client, options, hostName() + ":" + ProcessHandle.current().pid());
  }

  /**
   * A sandbox whose tags are, on the engine, {@code engineTag} of what the handlers call them (the
   * session's {@link ImageScope}): the ledger, markers and cleanup use the engine's names.
   */
  Sandbox(
      DockerClient client,
      RealOptions options,
      java.util.function.UnaryOperator<String> engineTag,
      java.util.function.UnaryOperator<String> pulledTag) {
    this(client, options, hostName() + ":" + ProcessHandle.current().pid(), engineTag, pulledTag);
  }

  /** A sandbox whose owner is given: how a test plays a session whose process has died. */
  Sandbox(DockerClient client, RealOptions options, String owner) {
    this(client, options, owner, t -> t, t -> t);
  }

  private Sandbox(
      DockerClient client,
      RealOptions options,
      String owner,
      java.util.function.UnaryOperator<String> engineTag,
      java.util.function.UnaryOperator<String> pulledTag) {
    this.client = client;
    this.session = options.sessionId();
    this.owner = owner;
    this.ledger = options.stateDir().resolve("real-" + session + ".ledger");
    this.engineTag = engineTag;
    this.pulledTag = pulledTag;
  }

  /** A ledger entry in engine names: a tag through the scope; a volume or an id as it is. */
  private String entry(String tag) {
    return tag.startsWith(VOLUME) || tag.startsWith("sha256:") ? tag : engineTag.apply(tag);
  }

  private String pulledEntry(String tag) {
    return tag.startsWith(VOLUME) || tag.startsWith("sha256:") ? tag : pulledTag.apply(tag);
  }

  /**
   * The label naming the session on a ledger marker (not {@link #SANDBOX}: no listing shows it).
   */
  static final String LEDGER_OF = "io.dockerlings.ledger-of";

  /** The ledger entry a marker stands for: a tag, or {@code volume:NAME}. */
  static final String ENTRY = "io.dockerlings.ledger-entry";

  /** The image id a tag named when it was recorded: a tag moved since is not removed. */
  static final String TAGGED_ID = "io.dockerlings.ledger-image";

  String session() {
    return session;
  }

  /** The labels everything this session creates carries. */
  Map<String, String> labels() {
    return Map.of(SANDBOX, session, OWNER, owner);
  }

  /** The API filter that selects this session's objects. */
  List<String> labelFilter() {
    return List.of(SANDBOX + "=" + session);
  }

  /** Whether an object with these labels belongs to this session. */
  boolean owns(Map<String, String> objectLabels) {
    return objectLabels != null && session.equals(objectLabels.get(SANDBOX));
  }

  /** Whether this image tag was made by this session. */
  boolean ownsTag(String tag) {
    return tags.contains(entry(tag)) || tags.contains(pulledEntry(tag));
  }

  /** Records an image tag this session made, so that cleanup removes it even after a crash. */
  void recordTag(String tag) {
    record(entry(tag));
  }

  /**
   * Records a tag a pull brought in: under the registry's name, which the session does not make its
   * own, except that a registry on this machine is the session's port.
   */
  void recordPulled(String tag) {
    record(pulledEntry(tag));
  }

  private void record(String entry) {
    if (tags.add(entry)) {
      writeLedger();
      mark(entry);
    }
  }

  /** The marker volume of a ledger entry: one name per session and entry. */
  private String markerName(String which, String entry) {
    return "dockerlings-ledger-" + sha256Hex(which + "\n" + entry).substring(0, 24);
  }

  private void mark(String entry) {
    Map<String, String> labels = new java.util.HashMap<>();
    labels.put(LEDGER_OF, session);
    labels.put(OWNER, owner);
    labels.put(ENTRY, entry);
    if (!entry.startsWith(VOLUME)) {
      try {
        labels.put(TAGGED_ID, client.inspectImageCmd(entry).exec().getId());
      } catch (RuntimeException e) {
        // An entry that names no image (yet): the ledger file still has it.
        return;
      }
    }
    quietly(
        () ->
            client
                .createVolumeCmd()
                .withName(markerName(session, entry))
                .withLabels(labels)
                .exec());
  }

  /**
   * Records an anonymous volume of one of the session's containers: the engine makes those without
   * labels, so only the ledger can say they are the session's once their container is gone.
   */
  void recordVolume(String name) {
    recordTag(VOLUME + name);
  }

  /** Whether this anonymous volume belongs to one of the session's containers, past or present. */
  boolean ownsVolume(String name) {
    return tags.contains(VOLUME + name);
  }

  /** Forgets a tag the session removed itself. */
  void forgetTag(String tag) {
    for (String entry : new LinkedHashSet<>(List.of(entry(tag), pulledEntry(tag)))) {
      if (tags.remove(entry)) {
        writeLedger();
        quietly(() -> client.removeVolumeCmd(markerName(session, entry)).exec());
      }
    }
  }

  /** Removes everything this session created; returns how many objects went. */
  int cleanUp() {
    int removed = cleanUp(session, new ArrayList<>(tags));
    tags.clear();
    try {
      Files.deleteIfExists(ledger);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return removed;
  }

  /**
   * Removes what earlier sessions on this machine left behind when their process died: objects
   * whose owner label names this host and a process that no longer runs, and their ledgers.
   */
  int reapAbandoned() {
    Set<String> dead = new LinkedHashSet<>();
    for (Container c :
        client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(SANDBOX)).exec()) {
      abandoned(c.getLabels()).ifPresent(dead::add);
    }
    for (Network n : client.listNetworksCmd().exec()) {
      abandoned(n.getLabels()).ifPresent(dead::add);
    }
    for (InspectVolumeResponse v : client.listVolumesCmd().exec().getVolumes()) {
      abandoned(v.getLabels()).ifPresent(dead::add);
    }
    for (Image i : client.listImagesCmd().withLabelFilter(SANDBOX).exec()) {
      abandoned(i.getLabels()).ifPresent(dead::add);
    }
    for (InspectVolumeResponse v :
        client.listVolumesCmd().withFilter("label", List.of(LEDGER_OF)).exec().getVolumes()) {
      Map<String, String> labels = v.getLabels();
      if (labels != null && labels.containsKey(LEDGER_OF)) {
        abandoned(Map.of(SANDBOX, labels.get(LEDGER_OF), OWNER, labels.getOrDefault(OWNER, "")))
            .ifPresent(dead::add);
      }
    }
    int removed = 0;
    for (String other : dead) {
      removed += cleanUp(other, List.of());
    }
    removed += reapLedgers();
    return removed;
  }

  private Optional<String> abandoned(Map<String, String> labels) {
    if (labels == null || !labels.containsKey(SANDBOX) || session.equals(labels.get(SANDBOX))) {
      return Optional.empty();
    }
    String who = labels.getOrDefault(OWNER, "");
    int colon = who.lastIndexOf(':');
    if (colon < 0 || !who.substring(0, colon).equals(hostName())) {
      // Another machine's session, on a shared engine: not ours to judge.
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(who.substring(colon + 1));
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.empty() : Optional.of(labels.get(SANDBOX));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private int reapLedgers() {
    Path dir = ledger.getParent();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "real-*.ledger")) {
      for (Path file : files) {
        if (file.equals(ledger)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("owner=")) {
          continue;
        }
        String name = file.getFileName().toString();
        String other = name.substring("real-".length(), name.length() - ".ledger".length());
        Optional<String> gone = abandoned(Map.of(SANDBOX, other, OWNER, lines.get(0).substring(6)));
        if (gone.isPresent()) {
          removed += cleanUp(other, lines.subList(1, lines.size()));
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // An unreadable ledger only means a leftover tag stays; the session itself goes on.
    }
    return removed;
  }

  private int cleanUp(String which, List<String> ledgerTags) {
    List<String> filter = List.of(SANDBOX + "=" + which);
    int removed = 0;
    for (Container c :
        client.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
      removed +=
          quietly(
              () ->
                  client
                      .removeContainerCmd(c.getId())
                      .withForce(true)
                      .withRemoveVolumes(true)
                      .exec());
    }
    for (Network n : client.listNetworksCmd().withFilter("label", filter).exec()) {
      removed += quietly(() -> client.removeNetworkCmd(n.getId()).exec());
    }
    for (InspectVolumeResponse v :
        client.listVolumesCmd().withFilter("label", filter).exec().getVolumes()) {
      removed += quietly(() -> client.removeVolumeCmd(v.getName()).exec());
    }
    for (String entry : ledgerTags) {
      if (entry.startsWith(VOLUME)) {
        String volume = entry.substring(VOLUME.length());
        removed += quietly(() -> client.removeVolumeCmd(volume).exec());
      }
    }
    for (String tag : ledgerTags) {
      if (!tag.startsWith(VOLUME)) {
        removed += quietly(() -> client.removeImageCmd(tag).withNoPrune(false).exec());
      }
    }
    removed += cleanUpMarked(which);
    for (Image i :
        client.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(SANDBOX, which)).exec()) {
      removed += quietly(() -> client.removeImageCmd(i.getId()).withForce(true).exec());
    }
    return removed;
  }

  /**
   * Removes what a session's ledger markers name (a tag, only while it still names the image it
   * named when recorded; an anonymous volume), then the markers themselves.
   */
  private int cleanUpMarked(String which) {
    int removed = 0;
    for (InspectVolumeResponse v :
        client
            .listVolumesCmd()
            .withFilter("label", List.of(LEDGER_OF + "=" + which))
            .exec()
            .getVolumes()) {
      Map<String, String> labels = v.getLabels() == null ? Map.of() : v.getLabels();
      String entry = labels.getOrDefault(ENTRY, "");
      if (entry.startsWith(VOLUME)) {
        removed += quietly(() -> client.removeVolumeCmd(entry.substring(VOLUME.length())).exec());
      } else if (!entry.isEmpty() && namesImage(entry, labels.getOrDefault(TAGGED_ID, ""))) {
        removed += quietly(() -> client.removeImageCmd(entry).withNoPrune(false).exec());
      }
      quietly(() -> client.removeVolumeCmd(v.getName()).exec());
    }
    return removed;
  }

  /** Whether {@code tag} still names the image {@code id}. */
  private boolean namesImage(String tag, String id) {
    try {
      return !id.isEmpty() && id.equals(client.inspectImageCmd(tag).exec().getId());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** 1 when the removal happened, 0 when the object was already gone or is in use elsewhere. */
  private static int quietly(Runnable removal) {
    try {
      removal.run();
      return 1;
    } catch (NotFoundException e) {
      return 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private void writeLedger() {
    StringBuilder text = new StringBuilder("owner=").append(owner).append('\n');
    tags.forEach(t -> text.append(t).append('\n'));
    try {
      Files.createDirectories(ledger.getParent());
      Path tmp = Files.createTempFile(ledger.getParent(), "ledger", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, ledger, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, ledger, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
