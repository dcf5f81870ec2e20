package io.dockerlings.simulator.engine;

import java.util.Random;

/**
 * {@link Random}'s own generator (the 48-bit linear congruential one its documentation specifies,
 * so every sequence is the same), whose state can be read and put back: a command that faults
 * half-way gives back the ids and names it drew.
 */
final class RewindableRandom extends Random {
  private static final long serialVersionUID = 1L;
  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long ADDEND = 0xBL;
  private static final long MASK = (1L << 48) - 1;

  /** Set by the superclass constructor through {@link #setSeed}: no initializer here. */
  private long state;

  RewindableRandom(long seed) {
    super(seed);
  }

  @Override
  public synchronized void setSeed(long seed) {
    super.setSeed(seed);
    state = (seed ^ MULTIPLIER) & MASK;
  }

  @Override
  protected synchronized int next(int bits) {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return (int) (state >>> (48 - bits));
  }

  /** A way back to the generator's state now. */
  synchronized Runnable memento() {
    long state0 = state;
    return () -> {
      synchronized (this) {
        state = state0;
      }
    };
  }
}
