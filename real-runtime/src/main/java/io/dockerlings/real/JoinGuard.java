package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.List;
import java.util.Optional;

/**
 * Refuses, in real mode, a container that would join, link or mount what the sandbox did not
 * create: other people's containers ({@code --pid/--network/--ipc container:X}, {@code --link},
 * {@code --volumes-from}), networks and volumes. {@code --allow-host} does not lift it: those
 * objects belong to someone else, not to the learner's machine.
 */
final class JoinGuard {
  /** The networks every engine has, which any container may use. */
  private static final List<String> BUILT_IN = List.of("bridge", "default", "none", "host");

  private JoinGuard() {}

  /** Throws the refusal (exit 1) for the first object {@code cmd} reaches that is not ours. */
  static void check(RealContext ctx, ParsedCommand cmd, List<String> namedVolumes) {
    for (String ns : List.of("pid", "network", "ipc")) {
      String mode = cmd.string(ns, "");
      if (mode.startsWith("container:")) {
        ctx.ownedContainer(mode.substring("container:".length()));
      }
    }
    for (String link : cmd.list("link")) {
      ctx.ownedContainer(link.split(":", 2)[0]);
    }
    for (String from : cmd.list("volumes-from")) {
      ctx.ownedContainer(from.split(":", 2)[0]);
    }
    for (String net : cmd.list("network")) {
      if (!net.startsWith("container:") && !BUILT_IN.contains(net)) {
        ownedNetwork(ctx, net);
      }
    }
    for (String volume : namedVolumes) {
      ownedVolume(ctx, volume);
    }
    for (String mount : cmd.list("mount")) {
      Mounts.Spec m = Mounts.parse(mount);
      if (m.type().equals("volume") && !m.source().isEmpty()) {
        ownedVolume(ctx, m.source());
      }
    }
  }

  private static void ownedNetwork(RealContext ctx, String ref) {
    Optional<JsonNode> doc = ctx.api().get("/networks/" + EngineApi.escape(ref));
    if (doc.isPresent() && !ctx.sandbox().owns(RealContext.labels(doc.get().path("Labels")))) {
      throw ctx.notOurs("network", ref);
    }
  }

  /** A volume that exists and is neither labelled as ours nor in the sandbox's ledger. */
  private static void ownedVolume(RealContext ctx, String name) {
    Optional<JsonNode> doc = ctx.api().get("/volumes/" + EngineApi.escape(name));
    if (doc.isPresent()
        && !ctx.sandbox().owns(RealContext.labels(doc.get().path("Labels")))
        && !ctx.sandbox().ownsVolume(name)) {
      throw ctx.notOurs("volume", name);
    }
  }
}
