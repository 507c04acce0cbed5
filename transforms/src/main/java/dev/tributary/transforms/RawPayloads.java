package dev.tributary.transforms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Raw bytes (a line of a file, a Kafka message) to a {@link RawRecord}, for readers: valid UTF-8
 * becomes the payload as it is; anything else is kept exactly, base64, beside a readable rendering,
 * with the defect named, so that the record becomes a dead letter that still holds its bytes.
 */
public final class RawPayloads {
  /** How much of an over-long record its dead letter keeps, in bytes. */
  public static final int KEPT_PREFIX_BYTES = 4096;

  private RawPayloads() {}

  /** The record {@code bytes[offset, offset + length)} from {@code source}. */
  public static RawRecord decode(String source, byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    // The JDK's decoder writes U+FFFD for every malformed sequence: only then is a strict pass due.
    if (text.indexOf('\uFFFD') < 0) {
      return new RawRecord(source, text);
    }
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
    try {
      strict.decode(input);
      return new RawRecord(source, text);
    } catch (CharacterCodingException e) {
      int at = input.position() - offset;
      return new RawRecord(
          source,
          text,
          "not valid UTF-8 (from byte " + at + "); the exact bytes are in payloadBase64",
          Base64.getEncoder().encodeToString(slice(bytes, offset, length)),
          null,
          null);
    }
  }

  /**
   * A record over the reader's limit of {@code limitBytes}: {@code prefix} is its start, {@code
   * totalBytes} its size and {@code sha256} the digest of all of it.
   */
  public static RawRecord overlong(
      String source, byte[] prefix, int prefixLength, long totalBytes, byte[] sha256, long limit) {
    return new RawRecord(
        source,
        new String(prefix, 0, prefixLength, StandardCharsets.UTF_8),
        String.format(
            "record is %,d bytes, over the limit of %,d; payload holds its first %,d bytes",
            totalBytes, limit, prefixLength),
        null,
        totalBytes,
        HexFormat.of().formatHex(sha256));
  }

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] slice(byte[] bytes, int offset, int length) {
    byte[] copy = new byte[length];
    System.arraycopy(bytes, offset, copy, 0, length);
    return copy;
  }
}
