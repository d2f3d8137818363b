package org.gfd.cli;

/** Bad input from the user: reported as one line on stderr with exit code 2. */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }
}
