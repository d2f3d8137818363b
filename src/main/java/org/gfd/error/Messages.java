package org.gfd.error;

/**
 * How messages show what a user typed: quoted, at most {@link #MAX_QUOTED} characters, control
 * characters written as escapes, so that a message is always one readable line.
 */
public final class Messages {
  /** Characters of an offending input quoted in a message; longer inputs are cut with a count. */
  public static final int MAX_QUOTED = 80;

  private Messages() {}

  /** {@code 'abc'}, with control characters escaped and long input cut: {@code 'aaa...' (10000 characters)}. */
  public static String quote(String input) {
    if (input == null) {
      return "(none)";
    }
    int shown = Math.min(input.length(), MAX_QUOTED);
    String quoted = "'" + escape(input.substring(0, shown)) + (shown < input.length() ? "...'" : "'");
    return shown < input.length() ? quoted + " (" + input.length() + " characters)" : quoted;
  }

  /** {@code s} with every control character written as an escape: {@code \n}, {@code \t}, {@code \x07}. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT
              || Character.getType(ch) == Character.LINE_SEPARATOR
              || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR) {
            sb.append(ch < 0x100 ? String.format("\\x%02x", (int) ch) : String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }
}
