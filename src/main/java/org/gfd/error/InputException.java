package org.gfd.error;

/** Bad input: an option, value or file that gfd cannot use. Kind {@link GfdException.Kind#BAD_INPUT}. */
public final class InputException extends GfdException {
  /** {@code message}: one line naming the offending value and what is allowed. */
  public InputException(String message) {
    super(message);
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
