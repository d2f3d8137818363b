package org.gfd.error;

import java.util.Objects;

/**
 * Work stopped before it was done: a limit was reached or the run was interrupted. Thrown by the
 * budget inside long loops and caught where finished work can be kept. Kind
 * {@link GfdException.Kind#STOPPED}.
 */
public final class StoppedException extends GfdException {
  private final StopReason reason;

  public StoppedException(StopReason reason) {
    this(reason, reason.toString());
  }

  /** With a message that says more than the reason, such as what was kept. */
  public StoppedException(StopReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  /** Why the work stopped. */
  public StopReason reason() {
    return reason;
  }

  @Override
  public Kind kind() {
    return Kind.STOPPED;
  }
}
