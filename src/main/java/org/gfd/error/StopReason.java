package org.gfd.error;

import java.util.Objects;

/**
 * Why a computation stopped before it was done: which limit, and a one-line detail (for example
 * {@code "while computing order 5"}).
 *
 * @param limit the limit that was reached
 * @param detail where or how it was reached; may be empty
 */
public record StopReason(Limit limit, String detail) {
  /** The limits a computation can reach. */
  public enum Limit {
    /** The time limit the user set. */
    TIME("time limit reached"),
    /** The heap (or the thread stack) is nearly full. */
    MEMORY("memory limit reached"),
    /** The work is larger than a size limit (such as the number of Wick matchings to list). */
    SIZE("size limit reached"),
    /** The run was interrupted (SIGINT, SIGTERM). */
    INTERRUPT("interrupted"),
    /**
     * Not a limit: the result was written while the run was still going (a checkpoint); if it is
     * still on disk, the run was killed before it could write more.
     */
    UNFINISHED("unfinished");

    private final String words;

    Limit(String words) {
      this.words = words;
    }

    /** The limit in a few words, as printed. */
    public String words() {
      return words;
    }
  }

  public StopReason {
    Objects.requireNonNull(limit);
    Objects.requireNonNull(detail);
  }

  /** The same limit with more detail appended. */
  public StopReason with(String more) {
    return new StopReason(limit, detail.isEmpty() ? more : detail + " " + more);
  }

  /** {@code time limit reached while computing order 5}. */
  @Override
  public String toString() {
    return detail.isEmpty() ? limit.words() : limit.words() + " " + detail;
  }
}
