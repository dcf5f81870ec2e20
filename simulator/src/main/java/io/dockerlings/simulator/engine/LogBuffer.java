package io.dockerlings.simulator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container's processes wrote to stdout and stderr, line by line with the time of each line,
 * as the json-file log driver keeps it. Bounded: the oldest lines go first.
 */
final class LogBuffer {
  /** One line (or the unterminated tail of the output) and where it went. */
  record Entry(Instant time, boolean stderr, String text) {}

  private static final int MAX_ENTRIES = 100_000;

  private final List<Entry> entries = new ArrayList<>();
  private final StringBuilder pendingOut = new StringBuilder();
  private final StringBuilder pendingErr = new StringBuilder();
  private Instant pendingOutTime = Instant.EPOCH;
  private Instant pendingErrTime = Instant.EPOCH;

  /** Appends output; complete lines become entries, a partial line waits for its end. */
  void write(Instant time, boolean stderr, String text) {
    StringBuilder pending = stderr ? pendingErr : pendingOut;
    if (pending.length() == 0) {
      if (stderr) {
        pendingErrTime = time;
      } else {
        pendingOutTime = time;
      }
    }
    pending.append(text);
    int nl;
    while ((nl = pending.indexOf("\n")) >= 0) {
      add(
          new Entry(
              stderr ? pendingErrTime : pendingOutTime, stderr, pending.substring(0, nl + 1)));
      pending.delete(0, nl + 1);
      if (stderr) {
        pendingErrTime = time;
      } else {
        pendingOutTime = time;
      }
    }
  }

  /** Everything kept, plus unterminated tails, in time order. */
  List<Entry> entries() {
    List<Entry> all = new ArrayList<>(entries);
    if (pendingOut.length() > 0) {
      all.add(new Entry(pendingOutTime, false, pendingOut.toString()));
    }
    if (pendingErr.length() > 0) {
      all.add(new Entry(pendingErrTime, true, pendingErr.toString()));
    }
    return all;
  }

  /** How many entries exist now; a reader can resume after this mark. */
  int mark() {
    return entries.size();
  }

  /** The complete entries written since {@code mark}. */
  List<Entry> since(int mark) {
    return List.copyOf(entries.subList(Math.min(mark, entries.size()), entries.size()));
  }

  /**
   * The entries written since {@code mark} and then the unterminated tails, for a reader that saw
   * the writer exit: its last bytes are delivered even without a final newline ({@code echo -n}).
   */
  List<Entry> sinceWithTails(int mark) {
    List<Entry> out = new ArrayList<>(since(mark));
    if (pendingOut.length() > 0) {
      out.add(new Entry(pendingOutTime, false, pendingOut.toString()));
    }
    if (pendingErr.length() > 0) {
      out.add(new Entry(pendingErrTime, true, pendingErr.toString()));
    }
    return out;
  }

  private void add(Entry e) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.subList(0, MAX_ENTRIES / 10).clear();
    }
    entries.add(e);
  }

  /**
   * A way back to what the buffer holds now, for the undo journal: costs the pending tails, not the
   * entries (which only grow, but for the oldest tenth dropped past the bound).
   */
  Runnable memento() {
    int size = entries.size();
    List<Entry> dropped = size >= MAX_ENTRIES ? List.copyOf(entries) : null;
    String out = pendingOut.toString();
    String err = pendingErr.toString();
    Instant outTime = pendingOutTime;
    Instant errTime = pendingErrTime;
    return () -> {
      if (dropped != null) {
        entries.clear();
        entries.addAll(dropped);
      } else if (entries.size() > size) {
        entries.subList(size, entries.size()).clear();
      }
      pendingOut.setLength(0);
      pendingOut.append(out);
      pendingErr.setLength(0);
      pendingErr.append(err);
      pendingOutTime = outTime;
      pendingErrTime = errTime;
    };
  }
}
