package io.dockerlings.simulator.engine;

/**
 * A container's restart policy as {@code --restart} sets it: {@code no}, {@code on-failure[:N]},
 * {@code always} or {@code unless-stopped}.
 *
 * @param name the policy name as inspect shows it ({@code "no"} by default)
 * @param maximumRetryCount the retry limit of {@code on-failure:N}, 0 otherwise
 */
record RestartPolicy(String name, int maximumRetryCount) {
  static final RestartPolicy NO = new RestartPolicy("no", 0);

  /** Parses a {@code --restart} value; the CLI checks the format, the daemon the name. */
  static RestartPolicy parse(String value) {
    String[] parts = value.split(":", -1);
    if (parts.length > 2) {
      throw Failure.client("invalid restart policy format");
    }
    String name = parts[0];
    int retries = 0;
    if (parts.length == 2) {
      try {
        retries = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw Failure.client("maximum retry count must be an integer");
      }
    }
    return switch (name) {
      case "", "no", "always", "unless-stopped" -> {
        String canonical = name.isEmpty() ? "no" : name;
        if (parts.length == 2) {
          throw Failure.daemon(
              "maximum retry count cannot be used with restart policy '" + canonical + "'");
        }
        yield canonical.equals("no") ? NO : new RestartPolicy(canonical, 0);
      }
      case "on-failure" -> {
        if (retries < 0) {
          throw Failure.daemon("maximum retry count cannot be negative");
        }
        yield new RestartPolicy(name, retries);
      }
      default -> throw Failure.daemon("invalid restart policy '" + name + "'");
    };
  }

  /** Whether this policy restarts at all. */
  boolean isNone() {
    return name.equals("no");
  }
}
