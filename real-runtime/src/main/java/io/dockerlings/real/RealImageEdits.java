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
import io.dockerlings.simulator.format.DockerJson;
import io.dockerlings.simulator.format.GoTemplate;
import io.dockerlings.simulator.format.TemplateException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tag}, {@code rmi}, {@code history} and {@code image inspect} on a real engine. Reading
 * works on any image; {@code tag} never moves a tag the sandbox did not make, and {@code rmi}
 * removes only the sandbox's tags and the images it built.
 */
final class RealImageEdits {
  private final RealContext ctx;

  RealImageEdits(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("image tag", this::tag);
    h.put("image rm", this::rmi);
    h.put("image history", this::history);
    h.put("image inspect", this::inspect);
    return h;
  }

  private Optional<JsonNode> image(String ref) {
    return ctx.api().get("/images/" + EngineApi.escape(ref) + "/json");
  }

  private int tag(ParsedCommand cmd, CommandIo io) {
    String source = cmd.args().get(0);
    String target = cmd.args().get(1);
    Refs.problem(target)
        .ifPresent(
            why -> {
              throw Refs.parseError(target, why);
            });
    String tagged = Refs.tagged(target);
    if (!ctx.sandbox().ownsTag(tagged) && image(tagged).isPresent()) {
      throw ctx.notOurs("image", tagged);
    }
    String repo = Refs.repository(tagged);
    // Into the ledger first: a crash between the two steps then leaves nothing behind.
    boolean known = ctx.sandbox().ownsTag(tagged);
    ctx.sandbox().recordTag(tagged);
    try {
      ctx.api()
          .call(
              "POST",
              "/images/"
                  + EngineApi.escape(source)
                  + "/tag?repo="
                  + EngineApi.escape(repo)
                  + "&tag="
                  + EngineApi.escape(tagged.substring(repo.length() + 1)));
    } catch (RuntimeException e) {
      if (!known) {
        ctx.sandbox().forgetTag(tagged);
      }
      throw e;
    }
    return 0;
  }

  private int rmi(ParsedCommand cmd, CommandIo io) {
    int exit = 0;
    for (String ref : cmd.args()) {
      try {
        remove(ref, cmd.bool("force"), cmd.bool("no-prune"), io);
      } catch (DockerException e) {
        io.errln(e.text());
        exit = 1;
      }
    }
    return exit;
  }

  private void remove(String ref, boolean force, boolean noPrune, CommandIo io) {
    JsonNode doc = image(ref).orElseThrow(() -> DockerException.client("No such image: " + ref));
    String id = doc.path("Id").asText();
    boolean byId = id.startsWith("sha256:" + ref) || id.equals(ref);
    boolean built = ctx.images().built(doc.path("Config").path("Labels"));
    if (byId ? !built : !ctx.sandbox().ownsTag(Refs.tagged(ref))) {
      throw ctx.notOurs("image", ref);
    }
    // The label steps of a sandbox build go too, but the learner never saw them.
    Set<String> unseen = ctx.images().labelSteps(id);
    JsonNode answer =
        ctx.api()
            .call(
                "DELETE",
                "/images/"
                    + EngineApi.escape(ref)
                    + "?force="
                    + (force ? "1" : "0")
                    + "&noprune="
                    + (noPrune ? "1" : "0"));
    for (JsonNode item : answer) {
      if (item.has("Untagged")) {
        String t = item.get("Untagged").asText();
        io.outln("Untagged: " + t);
        ctx.sandbox().forgetTag(Refs.tagged(t));
      } else if (item.has("Deleted") && !unseen.contains(item.get("Deleted").asText())) {
        io.outln("Deleted: " + item.get("Deleted").asText());
      }
    }
  }

  private int history(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    JsonNode steps = ctx.api().call("GET", "/images/" + EngineApi.escape(ref) + "/history");
    List<JsonNode> list = new ArrayList<>();
    steps.forEach(list::add);
    String top = list.isEmpty() ? "" : list.get(0).path("Id").asText();
    int labelRows = 0;
    while (labelRows < list.size() - 1
        && list.get(labelRows).path("CreatedBy").asText().contains("LABEL io.dockerlings.")) {
      labelRows++;
    }
    if (labelRows > 0) {
      // The sandbox's label steps are not the learner's: the step below takes the image's ID.
      list.subList(0, labelRows).clear();
      ObjectNode below = list.get(0).deepCopy();
      below.put("Id", top);
      list.set(0, below);
    }
    boolean human = !cmd.isSet("human") || cmd.bool("human");
    boolean noTrunc = cmd.bool("no-trunc");
    Instant now = Instant.now();
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode s : list) {
      String stepId = s.path("Id").asText();
      Instant created = Instant.ofEpochSecond(s.path("Created").asLong());
      String at = DateTimeFormatter.ISO_INSTANT.format(created);
      String by = s.path("CreatedBy").asText();
      long size = s.path("Size").asLong();
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("ID", stepId.equals("<missing>") || noTrunc ? stepId : Ids.shortId(stepId));
      o.put("CreatedSince", human ? Units.ago(created, now) : at);
      o.put("CreatedAt", at);
      o.put("CreatedBy", noTrunc ? by : Ids.ellipsis(by.replace("\t", " "), 45));
      o.put("Size", human ? Units.humanSize(size) : Long.toString(size));
      o.put("Comment", s.path("Comment").asText());
      rows.add(o);
    }
    if (cmd.bool("quiet")) {
      rows.forEach(r -> io.outln(r.get("ID").asText()));
      return 0;
    }
    String format = cmd.string("format", "");
    if ((format.isEmpty() || format.equals("table")) && !human) {
      format = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    }
    io.out(Listing.HISTORY.render(format, rows));
    return 0;
  }

  private int inspect(ParsedCommand cmd, CommandIo io) {
    List<JsonNode> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String ref : cmd.args()) {
      image(ref).ifPresentOrElse(found::add, () -> missing.add(ref));
    }
    Optional<String> format = cmd.string("format").filter(f -> !f.isEmpty());
    if (format.isPresent()) {
      GoTemplate template;
      try {
        template = GoTemplate.parse(format.get());
        for (JsonNode doc : found) {
          io.outln(template.execute(doc));
        }
      } catch (TemplateException e) {
        throw new DockerException("template parsing error: " + e.getMessage(), 64);
      }
    } else {
      io.out(DockerJson.inspect(found));
    }
    missing.forEach(ref -> io.errln("Error: No such image: " + ref));
    return missing.isEmpty() ? 0 : 1;
  }
}
