package dev.tributary.transforms.banking;

import dev.tributary.transforms.DecimalCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.joda.time.Instant;

/** The coder of {@link VelocityMember}, as it is shuffled to its account and kept in state. */
public final class VelocityMemberCoder extends AtomicCoder<VelocityMember> {
  private static final VelocityMemberCoder INSTANCE = new VelocityMemberCoder();

  /** The one instance. */
  public static VelocityMemberCoder of() {
    return INSTANCE;
  }

  private VelocityMemberCoder() {}

  @Override
  public void encode(VelocityMember member, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(member.transactionId, out);
    VarLongCoder.of().encode(member.eventTime.getMillis(), out);
    DecimalCoder.of().encode(member.amount, out);
  }

  @Override
  public VelocityMember decode(InputStream in) throws IOException {
    return new VelocityMember(
        StringUtf8Coder.of().decode(in), new Instant(VarLongCoder.of().decode(in)), DecimalCoder.of().decode(in));
  }
}
