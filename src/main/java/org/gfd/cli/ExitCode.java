package org.gfd.cli;

/** The exit codes of {@code gfd} (DESIGN &sect;8). */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** A check (such as {@code verify}) ran and failed. */
  public static final int CHECK_FAILED = 1;
  /**
   * Bad input (unknown option or value, out-of-range number), or work that had to stop at a limit
   * (time, memory) after printing what was finished.
   */
  public static final int BAD_INPUT = 2;
  /** A bug in gfd: an error it did not expect. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCode() {}
}
