package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBufferTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void write_splitsLinesAndKeepsStreams() {
    LogBuffer b = new LogBuffer();
    b.write(T0, false, "a\nb");
    b.write(T0.plusSeconds(1), true, "e\n");
    b.write(T0.plusSeconds(2), false, "c\n");
    List<LogBuffer.Entry> e = b.entries();
    assertEquals(3, e.size());
    assertEquals(new LogBuffer.Entry(T0, false, "a\n"), e.get(0));
    assertEquals(new LogBuffer.Entry(T0.plusSeconds(1), true, "e\n"), e.get(1));
    // The line began before its end arrived: it carries the time of its first byte.
    assertEquals(new LogBuffer.Entry(T0, false, "bc\n"), e.get(2));
  }

  @Test
  void since_returnsOnlyNewCompleteLines() {
    LogBuffer b = new LogBuffer();
    b.write(T0, false, "a\n");
    int mark = b.mark();
    b.write(T0, false, "b\npartial");
    assertEquals(List.of(new LogBuffer.Entry(T0, false, "b\n")), b.since(mark));
  }

  @Test
  void sinceWithTails_addsTheUnterminatedOutput() {
    LogBuffer b = new LogBuffer();
    int mark = b.mark();
    b.write(T0, false, "b\nabc");
    assertEquals(
        List.of(new LogBuffer.Entry(T0, false, "b\n"), new LogBuffer.Entry(T0, false, "abc")),
        b.sinceWithTails(mark));
  }
}
