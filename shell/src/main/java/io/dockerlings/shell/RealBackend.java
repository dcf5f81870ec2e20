package io.dockerlings.shell;

import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.EngineUnavailableException;
import io.dockerlings.real.RealEngine;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A real Docker engine as a backend, connected on first use. Without an engine every command
 * answers with the reason and what to do, so the REPL goes on; {@code reset} and {@code close}
 * remove everything the session created.
 */
final class RealBackend implements Backend {
  private final EngineLocator locator;
  private final Supplier<RealOptions> options;
  private RealEngine engine;
  private java.util.Locale language = java.util.Locale.ENGLISH;
  private Messages messages = Messages.forLanguage("en").orElseThrow();

  RealBackend(EngineLocator locator, Supplier<RealOptions> options) {
    this.locator = locator;
    this.options = options;
  }

  /** The engine, connecting on the first call; empty with the reason when none answers. */
  private Optional<RealEngine> engine(StringBuilder why) {
    if (engine == null) {
      try {
        engine = RealEngine.connect(locator, options.get().withLanguage(language));
      } catch (EngineUnavailableException e) {
        // The locator's reason, in the session's language.
        why.append(messages.get("engine.none"));
        return Optional.empty();
      }
    }
    return Optional.of(engine);
  }

  @Override
  public Optional<String> unavailable() {
    StringBuilder why = new StringBuilder();
    return engine(why).isPresent() ? Optional.empty() : Optional.of(why.toString());
  }

  @Override
  public String name() {
    return "real";
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    StringBuilder why = new StringBuilder();
    return engine(why)
        .map(e -> e.execute(argv, stdin))
        .orElseGet(() -> CommandResult.of(1, "", messages.get("real.unavailable", why) + "\n"));
  }

  @Override
  public CommandResult executePiped(
      List<String> argv,
      Optional<byte[]> stdin,
      Optional<java.util.function.Consumer<byte[]>> stdout) {
    StringBuilder why = new StringBuilder();
    return engine(why)
        .map(e -> e.executePiped(argv, stdin.orElse(new byte[0]), stdout))
        .orElseGet(() -> CommandResult.of(1, "", messages.get("real.unavailable", why) + "\n"));
  }

  @Override
  public CommandResult host(String line) {
    return CommandResult.of(1, "", messages.get("real.noHost") + "\n");
  }

  @Override
  public List<String> commandNames() {
    return engineOrEmpty().map(RealEngine::commandNames).orElse(List.of());
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return engineOrEmpty().map(e -> e.flagNames(commandWords)).orElse(List.of());
  }

  @Override
  public List<String> containerNames() {
    return engineOrEmpty().map(RealEngine::containerNames).orElse(List.of());
  }

  @Override
  public List<String> imageNames() {
    return engineOrEmpty().map(RealEngine::imageNames).orElse(List.of());
  }

  @Override
  public EngineSnapshot snapshot() {
    return engineOrEmpty().map(RealEngine::snapshot).orElse(EngineSnapshot.empty());
  }

  Optional<RealEngine> engineOrEmpty() {
    return engine(new StringBuilder());
  }

  @Override
  public void reset() {
    close();
  }

  @Override
  public synchronized void close() {
    if (engine != null) {
      try {
        engine.close();
      } finally {
        engine = null;
      }
    }
  }

  @Override
  public void language(Messages messages) {
    this.messages = messages;
    language = messages.locale();
    if (engine != null) {
      engine.language(language);
    }
  }
}
