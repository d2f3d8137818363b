package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfd.error.InputException;

/**
 * The values of enumerated options ({@code --format}, {@code --model}, {@code --target},
 * {@code --draw-format}), read the same way for all: case does not matter, and an unknown value
 * gets one message listing the allowed ones.
 */
final class Choices {
  private Choices() {}

  /**
   * The value that {@code given} names among {@code allowed} (lower-case names, in the order to list them).
   *
   * @param what what is being chosen, as the message says it ({@code format}, {@code model})
   * @throws InputException for a value not among them
   */
  static <T> T parse(String what, String given, Map<String, T> allowed) {
    T value = allowed.get(given.strip().toLowerCase(Locale.ROOT));
    if (value == null) {
      throw new InputException("unknown " + what + " " + quote(given) + ": use " + list(allowed.keySet()));
    }
    return value;
  }

  /** {@code a, b or c}. */
  static String list(Iterable<String> names) {
    List<String> all = new ArrayList<>();
    names.forEach(all::add);
    if (all.size() == 1) {
      return all.get(0);
    }
    return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }
}
