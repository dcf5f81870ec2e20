package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Ids;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The image commands on a real engine: {@code pull} and {@code images}. The sandbox sees the images
 * it built, pulled or tagged, the images its containers use ({@code busybox:latest} always, as the
 * simulator starts with it) and, with {@code -a}, the intermediate images under them; never the
 * images a build made only to carry the sandbox's labels.
 */
final class RealImages {
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'").withZone(ZoneOffset.UTC);

  private final RealContext ctx;
  private final Set<String> used = new LinkedHashSet<>(List.of("busybox:latest"));

  RealImages(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("image pull", (cmd, io) -> pull(cmd.args().get(0), io, true));
    h.put("image ls", this::list);
    return h;
  }

  /** Remembers that the session used an image, so that {@code images} shows it. */
  void used(String reference) {
    used.add(Refs.tagged(reference));
  }

  /**
   * Pulls a missing image as {@code docker run} and {@code create} do: the engine's progress lines
   * on stderr, no tag notice and no name at the end.
   */
  int pull(String reference, CommandIo io) {
    return pull(reference, io, false);
  }

  /** Pulls an image as {@code docker pull} (the command) or {@code run} does. */
  private int pull(String reference, CommandIo io, boolean command) {
    String ref = Refs.tagged(reference);
    if (command && !reference.equals(ref) && !reference.contains("@")) {
      io.outln("Using default tag: latest");
    }
    String repo = Refs.repository(ref);
    // A tag the pull brings in is the sandbox's to remove; one that was there already is not.
    boolean fresh =
        !ref.contains("@") && ctx.api().get("/images/" + EngineApi.escape(ref) + "/json").isEmpty();
    if (fresh) {
      ctx.sandbox().recordPulled(ref);
    }
    JsonMessages messages = new JsonMessages();
    try {
      ctx.api().stream(
          "POST",
          "/images/create?fromImage="
              + EngineApi.escape(repo)
              + "&tag="
              + EngineApi.escape(ref.substring(repo.length() + 1)),
          Map.of(),
          null,
          messages::accept);
    } catch (RuntimeException e) {
      forgetIfAbsent(fresh, ref);
      throw e;
    }
    if (command) {
      io.out(messages.output());
    } else {
      io.err(messages.output());
    }
    if (messages.failed()) {
      forgetIfAbsent(fresh, ref);
      throw new DockerException(messages.error(), 1);
    }
    if (command) {
      io.outln(fullName(ref));
    }
    used(ref);
    return 0;
  }

  private void forgetIfAbsent(boolean fresh, String ref) {
    if (fresh && ctx.api().get("/images/" + EngineApi.escape(ref) + "/json").isEmpty()) {
      ctx.sandbox().forgetTag(ref);
    }
  }

  /** A reference with its registry and namespace spelled out, as pull prints it at the end. */
  static String fullName(String ref) {
    int slash = ref.indexOf('/');
    String first = slash < 0 ? "" : ref.substring(0, slash);
    if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      return ref;
    }
    return "docker.io/" + (slash < 0 ? "library/" : "") + ref;
  }

  private int list(ParsedCommand cmd, CommandIo io) {
    ObjectNode filters = JsonNodeFactory.instance.objectNode();
    for (String f : cmd.list("filter")) {
      int eq = f.indexOf('=');
      if (eq < 0) {
        throw Prune.badFilter(cmd, f);
      }
      filters.withArray(f.substring(0, eq)).add(f.substring(eq + 1));
    }
    if (!cmd.args().isEmpty()) {
      filters.withArray("reference").add(cmd.args().get(0));
    }
    boolean all = cmd.bool("all");
    JsonNode images =
        ctx.api()
            .call(
                "GET",
                "/images/json?all="
                    + (all ? "1" : "0")
                    + "&filters="
                    + EngineApi.escape(filters.toString()));
    usedByContainers();
    Set<String> ancestors = all ? ancestors(images) : Set.of();
    boolean noTrunc = cmd.bool("no-trunc");
    Instant now = Instant.now();
    List<ObjectNode> rows = new ArrayList<>();
    List<String> quiet = new ArrayList<>();
    for (JsonNode image : images) {
      String fullId = image.path("Id").asText();
      boolean built = built(image.path("Labels"));
      String id = noTrunc ? fullId : Ids.shortId(fullId);
      for (JsonNode t : image.path("RepoTags")) {
        String tag = t.asText();
        if (tag.equals("<none>:<none>") || !built && !visible(tag)) {
          continue;
        }
        rows.add(row(Refs.repository(tag), Refs.tag(tag), id, image, now));
        // -q prints one line per row, as the CLI does: an image with two tags shows twice.
        quiet.add(id);
      }
      boolean untagged =
          !image.path("RepoTags").elements().hasNext()
              || image.path("RepoTags").get(0).asText().equals("<none>:<none>");
      if (untagged && (built || ancestors.contains(fullId))) {
        rows.add(row("<none>", "<none>", id, image, now));
        quiet.add(id);
      }
    }
    if (cmd.bool("quiet")) {
      quiet.forEach(io::outln);
      return 0;
    }
    String format = cmd.string("format", "");
    if ((format.isEmpty() || format.equals("table")) && cmd.bool("digests")) {
      format =
          "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    }
    io.out(Listing.IMAGES.render(format, rows));
    return 0;
  }

  /**
   * Adds the images the sandbox's containers were created from, so that an image a container
   * command found locally ({@code docker run registry:2}) shows as it would after a pull.
   */
  private void usedByContainers() {
    String filter =
        EngineApi.escape(
            "{\"label\":[\"" + ctx.sandbox().labelFilter().get(0).replace("\"", "") + "\"]}");
    for (JsonNode c : ctx.api().call("GET", "/containers/json?all=1&filters=" + filter)) {
      String image = c.path("Image").asText("");
      if (!image.isEmpty() && !image.startsWith("sha256:")) {
        used(image);
      }
    }
  }

  /** Whether the sandbox shows this tag: one it made, or a base image it used. */
  boolean visible(String tag) {
    return used.contains(tag) || ctx.sandbox().ownsTag(tag);
  }

  /**
   * The untagged images {@code images -a} shows: the parents of the images the sandbox sees, except
   * those under a sandbox build's own label steps, which the learner never saw.
   */
  private Set<String> ancestors(JsonNode images) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    images.forEach(i -> byId.put(i.path("Id").asText(), i));
    Set<String> out = new LinkedHashSet<>();
    Set<String> hidden = new LinkedHashSet<>();
    for (JsonNode image : images) {
      boolean built = built(image.path("Labels"));
      boolean seen = built;
      for (JsonNode t : image.path("RepoTags")) {
        seen |= visible(t.asText());
      }
      if (!seen) {
        continue;
      }
      if (built) {
        hidden.addAll(labelSteps(image.path("Id").asText()));
      }
      String parent = image.path("ParentId").asText("");
      while (!parent.isEmpty() && byId.containsKey(parent) && out.add(parent)) {
        parent = byId.get(parent).path("ParentId").asText("");
      }
    }
    out.removeAll(hidden);
    return out;
  }

  /** Whether an image is one this sandbox built: it carries both of the sandbox's labels. */
  boolean built(JsonNode labels) {
    return ctx.sandbox().owns(RealContext.labels(labels)) && labels.has(Sandbox.OWNER);
  }

  /**
   * The images a sandbox build made only to add its labels, under the built image {@code id}: the
   * ones with part of the labels, and the learner's last step below them, whose ID the build output
   * shows as the built image's. Empty for an image the sandbox did not build.
   */
  Set<String> labelSteps(String id) {
    Set<String> steps = new LinkedHashSet<>();
    Optional<JsonNode> doc = ctx.api().get("/images/" + EngineApi.escape(id) + "/json");
    if (doc.isEmpty() || !built(doc.get().path("Config").path("Labels"))) {
      return steps;
    }
    String parent = doc.get().path("Parent").asText("");
    while (!parent.isEmpty()) {
      steps.add(parent);
      Optional<JsonNode> p = ctx.api().get("/images/" + EngineApi.escape(parent) + "/json");
      JsonNode labels = p.map(d -> d.path("Config").path("Labels")).orElse(null);
      boolean partial =
          labels != null
              && (labels.has(Sandbox.OWNER) || labels.has(Sandbox.SANDBOX))
              && !built(labels);
      if (!partial) {
        break;
      }
      parent = p.get().path("Parent").asText("");
    }
    return steps;
  }

  private static ObjectNode row(String repo, String tag, String id, JsonNode image, Instant now) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("Repository", repo);
    o.put("Tag", tag);
    String digest = "<none>";
    for (JsonNode d : image.path("RepoDigests")) {
      String text = d.asText();
      if (text.startsWith(repo + "@")) {
        digest = text.substring(repo.length() + 1);
      }
    }
    o.put("Digest", digest);
    o.put("ID", id);
    Instant created = Instant.ofEpochSecond(image.path("Created").asLong());
    o.put("CreatedSince", Units.ago(created, now));
    o.put("CreatedAt", CREATED_AT.format(created));
    o.put("Size", Units.humanSize(image.path("Size").asLong()));
    o.put("Containers", "N/A");
    o.put("SharedSize", "N/A");
    o.put("UniqueSize", "N/A");
    return o;
  }
}
