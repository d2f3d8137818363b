package org.gfd.cli;

/**
 * Work stopped at a limit after the finished part was printed: reported as one line on stderr
 * with exit code 2.
 */
public final class StoppedException extends RuntimeException {
  public StoppedException(String message) {
    super(message);
  }
}
