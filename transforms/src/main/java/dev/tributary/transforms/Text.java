package dev.tributary.transforms;

/**
 * Measures and cuts of text that refusals need: quoting a value of any length in a bounded reason,
 * and fitting text into a sink's byte limit once written as JSON.
 */
public final class Text {
  /** The longest value a reason quotes, in characters. */
  public static final int MAX_QUOTED_CHARS = 100;

  private Text() {}

  /**
   * {@code value} in single quotes, cut to {@value #MAX_QUOTED_CHARS} characters with its length
   * stated when longer.
   */
  public static String quoted(String value) {
    if (value.length() <= MAX_QUOTED_CHARS) {
      return "'" + value + "'";
    }
    return "'" + cut(value, MAX_QUOTED_CHARS) + "…' (" + value.length() + " characters)";
  }

  /** The first {@code maxChars} characters of {@code value}, never splitting a surrogate pair. */
  public static String cut(String value, int maxChars) {
    if (value.length() <= maxChars) {
      return value;
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }

  /** At most how many bytes {@code value} takes as a JSON string, quotes included. */
  public static long jsonBytes(String value) {
    long bytes = 2;
    for (int i = 0; i < value.length(); i++) {
      bytes += jsonBytes(value.charAt(i));
    }
    return bytes;
  }

  /** The longest start of {@code value} that takes at most {@code maxBytes} as a JSON string. */
  public static String cutToJsonBytes(String value, long maxBytes) {
    long bytes = 2;
    int end = 0;
    while (end < value.length() && bytes + jsonBytes(value.charAt(end)) <= maxBytes) {
      bytes += jsonBytes(value.charAt(end));
      end++;
    }
    return cut(value, end);
  }

  /** At most how many bytes one UTF-16 unit takes in a JSON string written as UTF-8. */
  private static int jsonBytes(char c) {
    if (c == '"' || c == '\\') {
      return 2;
    }
    if (c < 0x20 || c == 0x7f) {
      return 6;
    }
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800 || Character.isSurrogate(c)) {
      return 2;
    }
    return 3;
  }
}
