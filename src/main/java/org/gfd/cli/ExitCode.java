package org.gfd.cli;

import org.gfd.error.GfdException;

/**
 * The exit codes of {@code gfd}, and the one place where a kind of failure becomes one. An
 * interrupted run (SIGINT, SIGTERM) ends with the shell's usual 128 + signal (130, 143) after
 * writing its finished work.
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** A check (such as {@code verify}) ran and failed. */
  public static final int CHECK_FAILED = 1;
  /**
   * Bad input (unknown option or value, out-of-range number, unusable file), or work that had to
   * stop at a limit (time, memory, size) after writing what was finished.
   */
  public static final int BAD_INPUT = 2;
  /** A bug in gfd: an error it did not expect. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCode() {}

  /** The exit code of a kind of failure. */
  public static int of(GfdException.Kind kind) {
    return switch (kind) {
      case BAD_INPUT, STOPPED -> BAD_INPUT;
      case CHECK_FAILED -> CHECK_FAILED;
      case INTERNAL -> INTERNAL_ERROR;
    };
  }
}
