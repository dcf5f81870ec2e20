package io.dockerlings.simulator;

import java.util.List;
import java.util.Objects;

/**
 * An engine that hands the contract's required methods to another engine, so that a wrapper (a
 * sandbox, a lesson's view of a real engine, a test's stand-in) overrides only what it changes. The
 * contract's optional reads keep their defaults unless the wrapper forwards or answers them:
 * forwarding them silently would change what a wrapper can tell.
 */
public abstract class ForwardingDockerEngine implements DockerEngine {
  private final DockerEngine delegate;

  protected ForwardingDockerEngine(DockerEngine delegate) {
    this.delegate = Objects.requireNonNull(delegate);
  }

  /** The engine the required methods go to. */
  protected final DockerEngine delegate() {
    return delegate;
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    return delegate.execute(argv, stdin);
  }

  @Override
  public List<String> commandNames() {
    return delegate.commandNames();
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return delegate.flagNames(commandWords);
  }

  @Override
  public List<String> containerNames() {
    return delegate.containerNames();
  }

  @Override
  public List<String> imageNames() {
    return delegate.imageNames();
  }

  @Override
  public EngineSnapshot snapshot() {
    return delegate.snapshot();
  }
}
