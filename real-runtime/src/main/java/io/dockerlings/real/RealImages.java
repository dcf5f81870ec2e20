package io.dockerlings.real;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PullResponseItem;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Ids;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The image commands on a real engine: {@code pull} and {@code images}. The sandbox sees the images
 * it built or tagged and the base images it used ({@code busybox:latest} always, as the simulator
 * starts with it).
 */
final class RealImages {
  private final RealContext ctx;
  private final Set<String> used = new LinkedHashSet<>(List.of("busybox:latest"));

  RealImages(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("image pull", (cmd, io) -> pull(cmd.args().get(0), io));
    h.put("image ls", this::list);
    return h;
  }

  /** Remembers that the session used an image, so that {@code images} shows it. */
  void used(String reference) {
    used.add(RealContainers.withTag(reference));
  }

  /** Pulls an image as {@code docker pull} does, printing the engine's progress lines. */
  int pull(String reference, CommandIo io) {
    String ref = RealContainers.withTag(reference);
    if (!reference.equals(ref) && !reference.contains("@")) {
      io.outln("Using default tag: latest");
    }
    int colon = ref.lastIndexOf(':');
    StringBuilder out = new StringBuilder();
    try {
      ctx.client()
          .pullImageCmd(ref.substring(0, colon))
          .withTag(ref.substring(colon + 1))
          .exec(
              new ResultCallback.Adapter<PullResponseItem>() {
                @Override
                public void onNext(PullResponseItem item) {
                  if (item.getStatus() != null && item.getProgressDetail() == null) {
                    out.append(item.getId() == null ? "" : item.getId() + ": ")
                        .append(item.getStatus())
                        .append('\n');
                  }
                }
              })
          .awaitCompletion(300, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerException("dockerlings: the pull was interrupted", 1);
    } catch (RuntimeException e) {
      io.out(out.toString());
      throw DaemonErrors.of(e);
    }
    io.out(out.toString());
    used(ref);
    return 0;
  }

  private int list(ParsedCommand cmd, CommandIo io) {
    List<Image> all;
    try {
      all = ctx.client().listImagesCmd().withShowAll(cmd.bool("all")).exec();
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
    boolean noTrunc = cmd.bool("no-trunc");
    Instant now = Instant.now();
    List<ObjectNode> rows = new ArrayList<>();
    List<String> quiet = new ArrayList<>();
    for (Image image : all) {
      boolean built = ctx.sandbox().owns(image.getLabels());
      String[] tags = image.getRepoTags() == null ? new String[0] : image.getRepoTags();
      String id = noTrunc ? image.getId() : Ids.shortId(image.getId());
      boolean any = false;
      for (String tag : tags) {
        if (!built && !used.contains(tag) && !ctx.sandbox().ownsTag(tag)) {
          continue;
        }
        any = true;
        int colon = tag.lastIndexOf(':');
        rows.add(row(tag.substring(0, colon), tag.substring(colon + 1), id, image, now));
      }
      if (built && (tags.length == 0 || tags[0].equals("<none>:<none>"))) {
        any = true;
        rows.add(row("<none>", "<none>", id, image, now));
      }
      if (any && !quiet.contains(id)) {
        quiet.add(id);
      }
    }
    if (cmd.bool("quiet")) {
      quiet.forEach(io::outln);
      return 0;
    }
    io.out(Listing.IMAGES.render(cmd.string("format", ""), rows));
    return 0;
  }

  private static ObjectNode row(String repo, String tag, String id, Image image, Instant now) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("Repository", repo);
    o.put("Tag", tag);
    o.put("Digest", "<none>");
    o.put("ID", id);
    Instant created = Instant.ofEpochSecond(image.getCreated());
    o.put("CreatedSince", Units.ago(created, now));
    o.put("CreatedAt", created.toString());
    o.put("Size", Units.humanSize(image.getSize() == null ? 0 : image.getSize()));
    o.put("Containers", "N/A");
    o.put("SharedSize", "N/A");
    o.put("UniqueSize", "N/A");
    return o;
  }
}
