package io.dockerlings.lessons.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test helper: a fresh simulator on the course server, a journal, and YAML parsing. */
public final class Sandbox {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  public final DockerSimulator sim;
  private Journal journal = Journal.empty();

  public Sandbox() {
    sim =
        DockerSimulator.create(
            new SimulatorOptions(
                HostSpec.courseServer(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                42));
  }

  /** Runs a line the learner typed, recording it. */
  public Journal.Entry run(String line) {
    Journal.Entry e = Commands.run(sim, line);
    journal = journal.append(e);
    return e;
  }

  /** Runs a line that must succeed. */
  public Sandbox ok(String line) {
    Journal.Entry e = run(line);
    assertEquals(0, e.exitCode(), line + ": " + e.output());
    return this;
  }

  public Journal journal() {
    return journal;
  }

  public State state() {
    return State.of(sim, journal);
  }

  /** A YAML text as a tree. */
  public static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
