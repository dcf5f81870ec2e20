package io.dockerlings.real;

import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.Base64;
import java.util.Map;

/**
 * {@code docker push} on a real engine, typically to a {@code registry:2} the learner runs in the
 * sandbox: the engine's progress stream printed as the CLI prints it without a terminal, its errors
 * on stderr with exit 1. Pushing reads local images and changes nothing on the engine.
 */
final class RealRegistry {
  /** An empty credential: what the CLI sends for a registry it has no login for. */
  private static final String NO_AUTH =
      Base64.getUrlEncoder().encodeToString("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private final RealContext ctx;

  RealRegistry(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    return Map.of("image push", this::push);
  }

  private int push(ParsedCommand cmd, CommandIo io) {
    String reference = cmd.args().get(0);
    Refs.problem(reference)
        .ifPresent(
            why -> {
              throw new DockerException(why, 1);
            });
    boolean allTags = cmd.bool("all-tags");
    String ref = Refs.tagged(reference);
    if (!reference.equals(ref) && !allTags) {
      io.outln("Using default tag: latest");
    }
    String repo = Refs.repository(ref);
    String query = allTags ? "" : "?tag=" + EngineApi.escape(ref.substring(repo.length() + 1));
    JsonMessages messages = new JsonMessages();
    ctx.api().stream(
        "POST",
        "/images/" + EngineApi.escape(repo) + "/push" + query,
        Map.of("X-Registry-Auth", NO_AUTH),
        null,
        messages::accept);
    io.out(messages.output());
    if (messages.failed()) {
      io.errln(messages.error());
      return 1;
    }
    return 0;
  }
}
