package org.gfd.error;

/**
 * The root of gfd's own failures. Unchecked; each subclass is one {@link Kind}, and callers
 * decide by the kind, never by a JDK exception's type. Messages are one line, name the offending
 * value (quoted with {@link Messages#quote}) and what is allowed.
 */
public abstract sealed class GfdException extends RuntimeException
    permits InputException, StoppedException {
  /** What went wrong, from the user's point of view; the command line maps each to an exit code. */
  public enum Kind {
    /** The input (an option, a value, a file) is wrong. */
    BAD_INPUT,
    /** The work stopped at a limit (time, memory, size) or was interrupted; finished work is kept. */
    STOPPED,
    /** A check ran and failed (a result such as a verification verdict, not an exception). */
    CHECK_FAILED,
    /** A bug in gfd: anything that is not one of gfd's typed failures. */
    INTERNAL
  }

  GfdException(String message) {
    super(message, null, false, false);
  }

  /** The kind of this failure. */
  public abstract Kind kind();
}
