package org.gfd.network;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits on a long computation: a wall-clock deadline and a ceiling on heap use. Work loops call
 * {@link #check()} often; it is cheap, and throws {@link BudgetExceededException} once a limit is
 * passed, so that the caller can stop cleanly and keep what it has finished. Thread-safe.
 */
public final class WorkBudget {
  /**
   * Fraction of the maximum heap that may stay in use after a garbage collection: past it the
   * next allocation burst would likely end in {@link OutOfMemoryError}, which cannot be recovered
   * cleanly on all threads.
   */
  public static final double DEFAULT_HEAP_FRACTION = 0.85;
  /** Calls between two looks at the clock and the heap. */
  private static final int CHECK_INTERVAL = 256;
  /** At most one forced collection per this many nanoseconds. */
  private static final long GC_INTERVAL_NANOS = 2_000_000_000L;

  private final long deadlineNanos;
  private final double heapFraction;
  private final AtomicLong calls = new AtomicLong();
  private volatile long lastGcNanos = System.nanoTime() - GC_INTERVAL_NANOS;

  private WorkBudget(long deadlineNanos, double heapFraction) {
    this.deadlineNanos = deadlineNanos;
    this.heapFraction = heapFraction;
  }

  /** No deadline; the default heap ceiling. */
  public static WorkBudget unlimited() {
    return new WorkBudget(Long.MAX_VALUE, DEFAULT_HEAP_FRACTION);
  }

  /** A deadline {@code seconds} from now; the default heap ceiling. */
  public static WorkBudget seconds(double seconds) {
    return new WorkBudget(System.nanoTime() + (long) (seconds * 1e9), DEFAULT_HEAP_FRACTION);
  }

  /** A copy of this budget with another heap ceiling (a fraction of the maximum heap). */
  public WorkBudget withHeapFraction(double fraction) {
    return new WorkBudget(deadlineNanos, fraction);
  }

  /** Throws {@link BudgetExceededException} when the deadline or the heap ceiling is passed. */
  public void check() {
    if (calls.incrementAndGet() % CHECK_INTERVAL != 0) {
      return;
    }
    checkNow();
  }

  /** Like {@link #check()}, but looks at the clock and the heap on every call. */
  public void checkNow() {
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos) {
      throw new BudgetExceededException("time limit reached");
    }
    Runtime rt = Runtime.getRuntime();
    long max = rt.maxMemory();
    long used = rt.totalMemory() - rt.freeMemory();
    if (used > heapFraction * max) {
      long now = System.nanoTime();
      synchronized (this) {
        if (now - lastGcNanos >= GC_INTERVAL_NANOS) {
          lastGcNanos = now;
          System.gc();
        }
      }
      used = rt.totalMemory() - rt.freeMemory();
      if (used > heapFraction * max) {
        throw new BudgetExceededException(String.format(
            "memory limit reached (%d MiB of %d MiB heap in use)", used >> 20, max >> 20));
      }
    }
  }
}
