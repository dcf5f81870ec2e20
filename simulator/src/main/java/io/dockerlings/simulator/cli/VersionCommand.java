package io.dockerlings.simulator.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code docker version}: the client and server versions in the CLI's layout, or through a {@code
 * --format} template.
 *
 * <p>The simulated engine presents itself with the versions of the Docker Engine 20.10.24 (Debian
 * 12 package) the goldens were recorded on: API 1.41, go1.19.8, its git commits and build time,
 * containerd 1.6.20 and runc 1.1.5. Only the kernel comes from the mirrored host.
 */
public final class VersionCommand implements CommandHandler {
  /** The engine and client version. */
  public static final String VERSION = "20.10.24+dfsg1";

  static final String API_VERSION = "1.41";
  static final String MIN_API_VERSION = "1.12";
  static final String GO_VERSION = "go1.19.8";
  static final String CLIENT_COMMIT = "297e128";
  static final String ENGINE_COMMIT = "5d6db84";
  static final String BUILT = "Thu May  7 21:09:36 2026";
  static final String BUILD_TIME = "2026-05-07T21:09:36.000000000+00:00";
  static final String CONTAINERD_VERSION = "1.6.20~ds1";
  static final String CONTAINERD_COMMIT = "1.6.20~ds1-1+deb12u3";
  static final String RUNC_VERSION = "1.1.5+ds1";
  static final String RUNC_COMMIT = "1.1.5+ds1-1+deb12u1";
  static final String INIT_VERSION = "0.19.0";

  private final EngineFacts facts;

  public VersionCommand(EngineFacts facts) {
    this.facts = facts;
  }

  @Override
  public int handle(ParsedCommand command, CommandIo io) {
    Optional<String> format = command.string("format").filter(f -> !f.isEmpty());
    if (format.isPresent()) {
      return Templates.print(format.get(), document(), "version", "system.versionInfo", io);
    }
    io.out(
        "Client:\n"
            + " Version:           "
            + VERSION
            + "\n API version:       "
            + API_VERSION
            + "\n Go version:        "
            + GO_VERSION
            + "\n Git commit:        "
            + CLIENT_COMMIT
            + "\n Built:             "
            + BUILT
            + "\n OS/Arch:           linux/amd64\n Context:           default\n"
            + " Experimental:      true\n\nServer:\n Engine:\n  Version:          "
            + VERSION
            + "\n  API version:      "
            + API_VERSION
            + " (minimum version "
            + MIN_API_VERSION
            + ")\n  Go version:       "
            + GO_VERSION
            + "\n  Git commit:       "
            + ENGINE_COMMIT
            + "\n  Built:            "
            + BUILT
            + "\n  OS/Arch:          linux/amd64\n  Experimental:     false\n containerd:\n"
            + "  Version:          "
            + CONTAINERD_VERSION
            + "\n  GitCommit:        "
            + CONTAINERD_COMMIT
            + "\n runc:\n  Version:          "
            + RUNC_VERSION
            + "\n  GitCommit:        "
            + RUNC_COMMIT
            + "\n docker-init:\n  Version:          "
            + INIT_VERSION
            + "\n  GitCommit:        \n");
    return 0;
  }

  /** The data the template sees, with the field order of the CLI's {@code {{json .}}}. */
  ObjectNode document() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode client = root.putObject("Client");
    client.putObject("Platform").put("Name", "");
    client
        .put("Version", VERSION)
        .put("ApiVersion", API_VERSION)
        .put("DefaultAPIVersion", API_VERSION)
        .put("GitCommit", CLIENT_COMMIT)
        .put("GoVersion", GO_VERSION)
        .put("Os", "linux")
        .put("Arch", "amd64")
        .put("BuildTime", BUILT)
        .put("Context", "default")
        .put("Experimental", true);
    ObjectNode server = root.putObject("Server");
    server.putObject("Platform").put("Name", "");
    var components = server.putArray("Components");
    ObjectNode engine = components.addObject().put("Name", "Engine").put("Version", VERSION);
    engine
        .putObject("Details")
        .put("ApiVersion", API_VERSION)
        .put("Arch", "amd64")
        .put("BuildTime", BUILT)
        .put("Experimental", "false")
        .put("GitCommit", ENGINE_COMMIT)
        .put("GoVersion", GO_VERSION)
        .put("KernelVersion", facts.host().kernelRelease())
        .put("MinAPIVersion", MIN_API_VERSION)
        .put("Os", "linux");
    component(components.addObject(), "containerd", CONTAINERD_VERSION, CONTAINERD_COMMIT);
    component(components.addObject(), "runc", RUNC_VERSION, RUNC_COMMIT);
    component(components.addObject(), "docker-init", INIT_VERSION, "");
    server
        .put("Version", VERSION)
        .put("ApiVersion", API_VERSION)
        .put("MinAPIVersion", MIN_API_VERSION)
        .put("GitCommit", ENGINE_COMMIT)
        .put("GoVersion", GO_VERSION)
        .put("Os", "linux")
        .put("Arch", "amd64")
        .put("KernelVersion", facts.host().kernelRelease())
        .put("BuildTime", BUILD_TIME);
    return root;
  }

  private static void component(ObjectNode node, String name, String version, String commit) {
    node.put("Name", name).put("Version", version).putObject("Details").put("GitCommit", commit);
  }
}
