package org.gfd.network;

import java.util.concurrent.atomic.AtomicLong;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;

/**
 * Limits on a long computation: a wall-clock time limit, a ceiling on heap use, and cancellation
 * (an interrupt). Every long loop calls {@link #check()}; it is cheap, and throws
 * {@link StoppedException} once a limit is passed, so that the caller can stop cleanly and keep
 * what it has finished. Thread-safe: one budget is shared by all the threads of a computation.
 *
 * <p>Time is measured from the budget's creation with {@link System#nanoTime()} differences, so no
 * limit can overflow: a limit too long to represent in nanoseconds (about 292 years and more,
 * including infinity) means no limit.
 */
public final class WorkBudget {
  /**
   * Fraction of the maximum heap that may stay in use after a garbage collection: past it the
   * next allocation burst would likely end in {@link OutOfMemoryError}, which cannot be recovered
   * cleanly on all threads.
   */
  public static final double DEFAULT_HEAP_FRACTION = 0.85;
  /** Calls between two looks at the heap (the clock and cancellation are looked at every call). */
  private static final int HEAP_CHECK_INTERVAL = 256;
  /** At most one forced collection per this many nanoseconds. */
  private static final long GC_INTERVAL_NANOS = 2_000_000_000L;
  /** No time limit. */
  private static final long NO_LIMIT = Long.MAX_VALUE;

  private final long startNanos;
  private final long limitNanos;
  private final double heapFraction;
  private final AtomicLong calls = new AtomicLong();
  private volatile long lastGcNanos = System.nanoTime() - GC_INTERVAL_NANOS;
  private volatile StopReason cancelled;

  private WorkBudget(long startNanos, long limitNanos, double heapFraction) {
    this.startNanos = startNanos;
    this.limitNanos = limitNanos;
    this.heapFraction = heapFraction;
  }

  /** No time limit; the default heap ceiling. */
  public static WorkBudget unlimited() {
    return new WorkBudget(System.nanoTime(), NO_LIMIT, DEFAULT_HEAP_FRACTION);
  }

  /**
   * A time limit of {@code seconds} from now (any positive value; one too long to represent,
   * infinity included, is no limit); the default heap ceiling.
   *
   * @throws IllegalArgumentException when {@code seconds} is not a positive number
   */
  public static WorkBudget seconds(double seconds) {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("a time limit must be a positive number of seconds, got " + seconds);
    }
    double nanos = Math.ceil(seconds * 1e9);
    return new WorkBudget(System.nanoTime(), nanos >= NO_LIMIT ? NO_LIMIT : (long) nanos, DEFAULT_HEAP_FRACTION);
  }

  /** A copy of this budget (same start and time limit, not its cancellation) with another heap ceiling. */
  public WorkBudget withHeapFraction(double fraction) {
    return new WorkBudget(startNanos, limitNanos, fraction);
  }

  /** Whether this budget has a time limit. */
  public boolean hasTimeLimit() {
    return limitNanos != NO_LIMIT;
  }

  /** Nanoseconds left before the time limit (0 once past it), or {@link Long#MAX_VALUE} without one. */
  public long nanosLeft() {
    if (limitNanos == NO_LIMIT) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, limitNanos - (System.nanoTime() - startNanos));
  }

  /** Makes every later {@link #check()} on this budget throw {@link StoppedException} with {@code reason}. */
  public void cancel(StopReason reason) {
    cancelled = reason;
  }

  /** Throws {@link StoppedException} when cancelled, past the time limit, or (looked at now and then) near the heap ceiling. */
  public void check() {
    checkTimeAndCancel();
    if (calls.incrementAndGet() % HEAP_CHECK_INTERVAL == 0) {
      checkHeap();
    }
  }

  /** Like {@link #check()}, but looks at the heap on every call. */
  public void checkNow() {
    checkTimeAndCancel();
    checkHeap();
  }

  private void checkTimeAndCancel() {
    StopReason c = cancelled;
    if (c != null) {
      throw new StoppedException(c);
    }
    if (limitNanos != NO_LIMIT && System.nanoTime() - startNanos > limitNanos) {
      throw new StoppedException(new StopReason(StopReason.Limit.TIME, ""));
    }
  }

  private void checkHeap() {
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
        throw new StoppedException(new StopReason(StopReason.Limit.MEMORY,
            String.format("(%d MiB of %d MiB heap in use)", used >> 20, max >> 20)));
      }
    }
  }
}
