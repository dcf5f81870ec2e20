package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import io.dockerlings.simulator.fs.Layer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker container prune}, {@code image prune} and {@code system prune}: what they remove,
 * their questions, and their reports with the space reclaimed, as the 20.10 CLI prints them.
 */
final class PruneCommands {
  private final Engine engine;
  private final VolumeCommands volumes;
  private final NetworkCommands networks;

  PruneCommands(Engine engine, VolumeCommands volumes, NetworkCommands networks) {
    this.engine = engine;
    this.volumes = volumes;
    this.networks = networks;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container prune", this::containerPrune);
    h.put("image prune", this::imagePrune);
    h.put("system prune", this::systemPrune);
    return h;
  }

  private PruneFilter filter(ParsedCommand cmd, Set<String> extra) {
    return PruneFilter.parse(cmd.list("filter"), engine.lifecycle().now(), extra);
  }

  private static String total(long bytes) {
    return "Total reclaimed space: " + Units.humanSize(bytes, 4);
  }

  private int containerPrune(ParsedCommand cmd, CommandIo io) {
    PruneFilter filter = filter(cmd, Set.of());
    if (!ObjectVerbs.pruneConfirmed(cmd, io, "This will remove all stopped containers.")) {
      io.outln(total(0));
      return 0;
    }
    long[] space = {0};
    ObjectVerbs.printPruned(io, "Deleted Containers:", pruneContainers(filter, space));
    io.outln(total(space[0]));
    return 0;
  }

  /** Removes the containers that are not running and pass the filter; their ids. */
  private List<String> pruneContainers(PruneFilter filter, long[] space) {
    List<Container> all = new ArrayList<>(engine.containers().all());
    all.sort(Comparator.comparingLong(c -> c.sequence));
    List<String> removed = new ArrayList<>();
    for (Container c : all) {
      if (!c.isRunning() && filter.matches(c.config.labels(), c.created)) {
        space[0] += c.files.upperSize();
        engine.lifecycle().remove(c);
        removed.add(c.id);
      }
    }
    return removed;
  }

  private int imagePrune(ParsedCommand cmd, CommandIo io) {
    PruneFilter filter = filter(cmd, Set.of("dangling"));
    boolean all = cmd.bool("all") || filter.given().contains("dangling=false");
    String warning =
        all
            ? "This will remove all images without at least one container associated to them."
            : "This will remove all dangling images.";
    if (!ObjectVerbs.pruneConfirmed(cmd, io, warning)) {
      io.outln(total(0));
      return 0;
    }
    long[] space = {0};
    ObjectVerbs.printPruned(io, "Deleted Images:", pruneImages(all, filter, space));
    io.outln(total(space[0]));
    return 0;
  }

  /**
   * Removes the images no container uses and no image builds on (untagged ones only unless {@code
   * all}) that pass the filter, each with its untagged parents, as {@code rmi} would; the report's
   * {@code untagged:} and {@code deleted:} lines.
   */
  private List<String> pruneImages(boolean all, PruneFilter filter, long[] space) {
    Images images = engine.images();
    List<String> records = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      List<Image> heads = new ArrayList<>(images.all());
      heads.sort(Comparator.comparing(Image::created).reversed());
      for (Image i : heads) {
        boolean tagged = !images.tagsOf(i.id()).isEmpty();
        if (images.byId(i.id()).isEmpty()
            || images.hasChildren(i.id())
            || inUse(i.id())
            || (tagged && !all)
            || !filter.matches(i.config().labels(), i.created())) {
          continue;
        }
        for (String t : images.tagsOf(i.id())) {
          var digestRef = images.untag(t);
          records.add("untagged: " + t);
          digestRef.ifPresent(d -> records.add("untagged: " + d));
        }
        delete(i, records, space);
        // With --all, a tagged parent freed by this one is a candidate on the next pass.
        changed = all;
      }
    }
    return records;
  }

  /** Deletes the image, its layers no other image holds, then its untagged, unused parents. */
  private void delete(Image image, List<String> records, long[] space) {
    Images images = engine.images();
    Set<String> reported = new HashSet<>();
    Image current = image;
    while (true) {
      images.remove(current.id());
      records.add("deleted: " + current.id());
      Set<String> held = new HashSet<>();
      images.all().forEach(i -> held.addAll(i.chainIds()));
      List<String> chain = current.chainIds();
      for (int k = 0; k < chain.size(); k++) {
        Layer layer = current.layers().get(k);
        if (!held.contains(chain.get(k)) && !layer.isEmpty() && reported.add(chain.get(k))) {
          records.add("deleted: " + chain.get(k));
          space[0] += layer.size();
        }
      }
      if (current.parent().isEmpty()) {
        return;
      }
      var parent = images.byId(current.parent().get());
      if (parent.isEmpty()
          || !images.tagsOf(parent.get().id()).isEmpty()
          || images.hasChildren(parent.get().id())
          || inUse(parent.get().id())) {
        return;
      }
      current = parent.get();
    }
  }

  private boolean inUse(String imageId) {
    return engine.containers().all().stream().anyMatch(c -> c.imageId.equals(imageId));
  }

  private int systemPrune(ParsedCommand cmd, CommandIo io) {
    PruneFilter filter = filter(cmd, Set.of());
    boolean all = cmd.bool("all");
    boolean withVolumes = cmd.bool("volumes");
    if (!cmd.bool("force")) {
      StringBuilder q = new StringBuilder("WARNING! This will remove:\n");
      q.append("  - all stopped containers\n");
      q.append("  - all networks not used by at least one container\n");
      if (withVolumes) {
        q.append("  - all volumes not used by at least one container\n");
      }
      q.append(
          all
              ? "  - all images without at least one container associated to them\n"
              : "  - all dangling images\n");
      q.append(all ? "  - all build cache\n" : "  - all dangling build cache\n");
      if (!filter.given().isEmpty()) {
        q.append("\n  Items to be pruned will be filtered with:\n");
        filter.given().forEach(f -> q.append("  - ").append(f).append('\n'));
      }
      q.append("\nAre you sure you want to continue? [y/N] ");
      io.out(q.toString());
      if (!io.stdin().trim().equalsIgnoreCase("y")) {
        return 0;
      }
    }
    long[] space = {0};
    ObjectVerbs.printPruned(io, "Deleted Containers:", pruneContainers(filter, space));
    ObjectVerbs.printPruned(io, "Deleted Networks:", networks.pruneUnused(filter));
    if (withVolumes) {
      ObjectVerbs.printPruned(io, "Deleted Volumes:", volumes.pruneUnused(filter, space));
    }
    ObjectVerbs.printPruned(io, "Deleted Images:", pruneImages(all, filter, space));
    io.outln(total(space[0]));
    return 0;
  }
}
