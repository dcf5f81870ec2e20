package io.dockerlings.real;

import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code docker commit} of one of the sandbox's containers ({@code -m}, {@code -a}, {@code -c},
 * {@code -p}). The new image inherits the container's labels, the sandbox's among them, and its tag
 * goes into the sandbox's ledger, so cleanup removes it either way.
 */
final class RealCommit {
  private final RealContext ctx;
  private final RealTargets targets;

  RealCommit(RealContext ctx) {
    this.ctx = ctx;
    this.targets = new RealTargets(ctx);
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container commit", this::commit);
    return h;
  }

  /** A repository and tag as the CLI sends them, after its own reference check. */
  record Reference(String repository, String tag) {
    /** Parses {@code name[:tag]}, failing with the CLI's wording. */
    static Reference parse(String text) {
      int slash = text.lastIndexOf('/');
      int colon = text.lastIndexOf(':');
      if (text.contains("@")) {
        throw new DockerException("refusing to create a tag with a digest reference", 1);
      }
      String name = colon > slash ? text.substring(0, colon) : text;
      String tag = colon > slash ? text.substring(colon + 1) : "latest";
      int first = name.indexOf('/');
      String head = first < 0 ? "" : name.substring(0, first);
      boolean domain =
          first >= 0 && (head.contains(".") || head.contains(":") || head.equals("localhost"));
      String path = domain ? name.substring(first + 1) : name;
      String component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
      String pathPattern = component + "(?:/" + component + ")*";
      boolean domainOk = !domain || head.matches("[a-zA-Z0-9.-]+(?::[0-9]+)?");
      if (domainOk
          && !path.matches(pathPattern)
          && path.toLowerCase(java.util.Locale.ROOT).matches(pathPattern)) {
        throw new DockerException("invalid reference format: repository name must be lowercase", 1);
      }
      if (!domainOk || !path.matches(pathPattern) || !tag.matches("[\\w][\\w.-]{0,127}")) {
        throw new DockerException("invalid reference format", 1);
      }
      return new Reference(name, tag);
    }
  }

  private int commit(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    Reference target = cmd.args().size() > 1 ? Reference.parse(cmd.args().get(1)) : null;
    String id = targets.daemon(ref);
    StringBuilder query = new StringBuilder("/commit?container=").append(EngineApi.escape(id));
    if (target != null) {
      query.append("&repo=").append(EngineApi.escape(target.repository()));
      query.append("&tag=").append(EngineApi.escape(target.tag()));
    }
    cmd.string("message").ifPresent(m -> query.append("&comment=").append(EngineApi.escape(m)));
    cmd.string("author").ifPresent(a -> query.append("&author=").append(EngineApi.escape(a)));
    query.append("&pause=").append(cmd.isSet("pause") ? cmd.bool("pause") : true);
    for (String change : cmd.list("change")) {
      query.append("&changes=").append(EngineApi.escape(change));
    }
    // A null config, as the CLI sends: the engine starts from the container's own config.
    String imageId = ctx.api().post(query.toString(), "null").path("Id").asText();
    if (target != null) {
      ctx.sandbox().recordTag(target.repository() + ":" + target.tag());
    }
    io.outln(imageId);
    return 0;
  }
}
