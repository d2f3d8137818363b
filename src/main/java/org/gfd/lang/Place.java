package org.gfd.lang;

import org.gfd.error.InputException;
import org.gfd.error.Messages;

/**
 * A position in a model file, for messages: {@code FILE:LINE:COLUMN}, both counted from 1.
 *
 * @param file the file's name as the user gave it (or {@code model NAME} for a built-in)
 * @param line the line, from 1
 * @param column the column, from 1
 */
record Place(String file, int line, int column) {
  /** The bad-input error {@code FILE:LINE:COLUMN: message}, on one line. */
  InputException error(String message) {
    return new InputException(this + ": " + Messages.escape(message));
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
