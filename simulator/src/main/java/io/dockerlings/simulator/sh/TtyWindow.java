package io.dockerlings.simulator.sh;

/**
 * The window size of a container's terminal, as {@code TIOCGWINSZ} reports it to the programs on
 * it: unknown (0) until the client sends the size, which it may change (a resize) at any time.
 */
public final class TtyWindow {
  private volatile int columns;
  private volatile int rows;

  /** A terminal whose size the client has not sent yet. */
  public TtyWindow() {}

  /** The client's window is now {@code columns} by {@code rows}. */
  public void resize(int columns, int rows) {
    this.columns = Math.max(0, columns);
    this.rows = Math.max(0, rows);
  }

  /** The width in columns, 0 while unknown. */
  public int columns() {
    return columns;
  }

  /** The height in rows, 0 while unknown. */
  public int rows() {
    return rows;
  }
}
