package dev.tributary.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The coder of {@link RawRecord}: its two texts, then its four optional parts. Written by hand
 * because every record passes through it, and the schema coder converts each to a row first.
 */
public final class RawRecordCoder extends AtomicCoder<RawRecord> {
  private static final RawRecordCoder INSTANCE = new RawRecordCoder();
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final NullableCoder<String> OPTIONAL_TEXT = NullableCoder.of(TEXT);
  private static final NullableCoder<Long> OPTIONAL_NUMBER = NullableCoder.of(VarLongCoder.of());

  /** The one instance. */
  public static RawRecordCoder of() {
    return INSTANCE;
  }

  private RawRecordCoder() {}

  @Override
  public void encode(RawRecord record, OutputStream out) throws IOException {
    TEXT.encode(record.source, out);
    TEXT.encode(record.payload, out);
    OPTIONAL_TEXT.encode(record.defect, out);
    OPTIONAL_TEXT.encode(record.payloadBase64, out);
    OPTIONAL_NUMBER.encode(record.originalBytes, out);
    OPTIONAL_TEXT.encode(record.originalSha256, out);
  }

  @Override
  public RawRecord decode(InputStream in) throws IOException {
    return new RawRecord(
        TEXT.decode(in),
        TEXT.decode(in),
        OPTIONAL_TEXT.decode(in),
        OPTIONAL_TEXT.decode(in),
        OPTIONAL_NUMBER.decode(in),
        OPTIONAL_TEXT.decode(in));
  }
}
