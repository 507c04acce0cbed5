package dev.tributary.transforms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * A record that a step could not handle: the raw payload, why it was refused, where it came from
 * and which step refused it. Every step that can refuse input emits these instead of failing or
 * dropping, so that records in = records out + dead letters.
 *
 * <p>When the payload is not the whole record (it was longer than a reader's limit, or than a
 * sink's, see {@link #fittedTo}), {@link #originalBytes} and {@link #originalSha256} describe the
 * whole; when its bytes were not valid UTF-8, {@link #payloadBase64} holds them exactly.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class DeadLetter {
  /** The longest reason kept, in characters: a reason quotes input, which may be huge. */
  public static final int MAX_REASON_CHARS = 1000;

  /** Where the record came from, e.g. {@code /data/tx.jsonl:17}. */
  public final String source;

  /** The step that refused it, e.g. {@code parse-transactions}. */
  public final String step;

  /** Why, in words a person can act on. */
  public final String reason;

  /** The record as it arrived (its start only, when {@link #originalBytes} is set). */
  public final String payload;

  /** The record's exact bytes, base64, when they were not valid UTF-8; else null. */
  public final @Nullable String payloadBase64;

  /** The size in bytes of the whole record, when {@link #payload} holds only its start. */
  public final @Nullable Long originalBytes;

  /** The SHA-256 (hex) of the whole record, when {@link #payload} holds only its start. */
  public final @Nullable String originalSha256;

  @SchemaCreate
  public DeadLetter(
      String source,
      String step,
      String reason,
      String payload,
      @Nullable String payloadBase64,
      @Nullable Long originalBytes,
      @Nullable String originalSha256) {
    this.source = source;
    this.step = step;
    this.reason = reason;
    this.payload = payload;
    this.payloadBase64 = payloadBase64;
    this.originalBytes = originalBytes;
    this.originalSha256 = originalSha256;
  }

  /** A dead letter whose payload is the whole record, as valid text. */
  public DeadLetter(String source, String step, String reason, String payload) {
    this(source, step, bounded(reason), payload, null, null, null);
  }

  /** {@code raw}, refused by {@code step} for {@code reason}, with all the reader kept of it. */
  public static DeadLetter of(RawRecord raw, String step, String reason) {
    return new DeadLetter(
        raw.source,
        step,
        bounded(reason),
        raw.payload,
        raw.payloadBase64,
        raw.originalBytes,
        raw.originalSha256);
  }

  /** {@code reason}, cut to {@value #MAX_REASON_CHARS} characters. */
  public static String bounded(String reason) {
    return reason.length() <= MAX_REASON_CHARS
        ? reason
        : Text.cut(reason, MAX_REASON_CHARS) + "… (reason cut)";
  }

  /**
   * This dead letter, at most {@code maxJsonBytes} long as JSON: if it is longer, its payload is
   * cut (and its base64 dropped), and the size and SHA-256 of the whole record are kept.
   */
  public DeadLetter fittedTo(int maxJsonBytes) {
    long fixed =
        Text.jsonBytes(source) + Text.jsonBytes(step) + Text.jsonBytes(reason) + FIELD_NAMES_BYTES;
    long base64 = payloadBase64 == null ? 0 : payloadBase64.length();
    if (fixed + Text.jsonBytes(payload) + base64 <= maxJsonBytes) {
      return this;
    }
    byte[] whole =
        payloadBase64 != null
            ? Base64.getDecoder().decode(payloadBase64)
            : payload.getBytes(StandardCharsets.UTF_8);
    long size = originalBytes != null ? originalBytes : whole.length;
    String sha256 =
        originalSha256 != null
            ? originalSha256
            : HexFormat.of().formatHex(RawPayloads.sha256().digest(whole));
    String start = Text.cutToJsonBytes(payload, maxJsonBytes - fixed);
    return new DeadLetter(source, step, reason, start, null, size, sha256);
  }

  /** The JSON of the field names, quotes, separators and the two numbers' worst case. */
  private static final long FIELD_NAMES_BYTES = 200;

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter d
        && source.equals(d.source)
        && step.equals(d.step)
        && reason.equals(d.reason)
        && payload.equals(d.payload)
        && Objects.equals(payloadBase64, d.payloadBase64)
        && Objects.equals(originalBytes, d.originalBytes)
        && Objects.equals(originalSha256, d.originalSha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, step, reason, payload);
  }

  @Override
  public String toString() {
    return step + " refused " + source + " (" + reason + "): " + payload;
  }
}
