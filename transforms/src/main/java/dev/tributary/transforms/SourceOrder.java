package dev.tributary.transforms;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The order of record sources, in which the earliest occurrence of a record comes first: text
 * compared with its runs of digits as numbers, so that {@code tx.jsonl:9} comes before {@code
 * tx.jsonl:10}, and {@code kafka:tx/2@7} before {@code kafka:tx/10@1}. Files are thus ordered by
 * name, then line; Kafka messages by topic, partition, then offset.
 */
public final class SourceOrder implements Comparator<String>, Serializable {
  public static final SourceOrder INSTANCE = new SourceOrder();

  private SourceOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (isDigit(x) && isDigit(y)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byNumber = compareNumbers(a.substring(i, endA), b.substring(j, endB));
        if (byNumber != 0) {
          return byNumber;
        }
        i = endA;
        j = endB;
      } else if (x != y) {
        return Character.compare(x, y);
      } else {
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int compareNumbers(String a, String b) {
    String x = stripLeadingZeros(a);
    String y = stripLeadingZeros(b);
    if (x.length() != y.length()) {
      return Integer.compare(x.length(), y.length());
    }
    int byValue = x.compareTo(y);
    return byValue != 0 ? byValue : Integer.compare(a.length(), b.length());
  }

  private static String stripLeadingZeros(String digits) {
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    return digits.substring(start);
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
