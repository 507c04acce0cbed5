package dev.tributary.io;

import dev.tributary.transforms.RawPayloads;
import dev.tributary.transforms.RawRecord;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits the bytes of one file into numbered lines, as {@link RawRecord}s with source {@code
 * <file>:<line>}. A line ends at {@code \n} only, and a {@code \r} just before it is dropped: a
 * lone {@code \r} is content, so line numbers are the file's physical lines, as {@code wc -l} and
 * editors count them. A UTF-8 byte order mark at the very start of the file is skipped. Each line
 * is decoded by {@link RawPayloads}; a line longer than the limit keeps only its start, with its
 * size and SHA-256, so that memory stays bounded whatever the file holds.
 */
final class LineSplitter {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String file;
  private final int maxLineBytes;
  private final Consumer<RawRecord> out;

  private byte[] line = new byte[256];
  private int kept;
  private long lineBytes;
  private MessageDigest overlong;
  private long lineNumber;

  LineSplitter(String file, int maxLineBytes, Consumer<RawRecord> out) {
    this.file = file;
    this.maxLineBytes = maxLineBytes;
    this.out = out;
  }

  /** The next {@code length} bytes of the file. */
  void feed(byte[] chunk, int length) {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (chunk[i] == '\n') {
        append(chunk, start, i - start);
        endLine();
        start = i + 1;
      }
    }
    append(chunk, start, length - start);
  }

  /** The end of the file: a last line with no newline after it is a line too. */
  void finish() {
    if (lineBytes > 0) {
      endLine();
    }
  }

  private void append(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    lineBytes += length;
    if (overlong == null && kept + length > maxLineBytes) {
      overlong = RawPayloads.sha256();
      overlong.update(line, 0, kept);
      kept = Math.min(kept, RawPayloads.KEPT_PREFIX_BYTES);
    }
    if (overlong != null) {
      overlong.update(bytes, offset, length);
      int room = RawPayloads.KEPT_PREFIX_BYTES - kept;
      if (room > 0) {
        keep(bytes, offset, Math.min(room, length));
      }
      return;
    }
    keep(bytes, offset, length);
  }

  private void keep(byte[] bytes, int offset, int length) {
    if (kept + length > line.length) {
      line = Arrays.copyOf(line, Math.max(kept + length, line.length * 2));
    }
    System.arraycopy(bytes, offset, line, kept, length);
    kept += length;
  }

  private void endLine() {
    lineNumber++;
    String source = file + ":" + lineNumber;
    if (overlong != null) {
      out.accept(
          RawPayloads.overlong(source, line, kept, lineBytes, overlong.digest(), maxLineBytes));
    } else {
      int from = lineNumber == 1 && startsWithByteOrderMark() ? BYTE_ORDER_MARK.length : 0;
      int to = kept > from && line[kept - 1] == '\r' ? kept - 1 : kept;
      out.accept(RawPayloads.decode(source, line, from, to - from));
    }
    kept = 0;
    lineBytes = 0;
    overlong = null;
  }

  private boolean startsWithByteOrderMark() {
    return kept >= BYTE_ORDER_MARK.length
        && Arrays.equals(line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, 3);
  }
}
