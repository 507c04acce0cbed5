package dev.tributary.transforms.gambling;

import dev.tributary.transforms.DecimalCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Comparator;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.joda.time.Instant;

/**
 * What {@link RapidCashoutRule} keeps of a player's money: a completed deposit or withdrawal, or a
 * stake.
 */
record CashMove(Kind kind, String id, Instant time, BigDecimal amount) {
  enum Kind {
    DEPOSIT,
    WITHDRAWAL,
    STAKE
  }

  /** Event time, then id. */
  static final Comparator<CashMove> IN_TIME_ORDER =
      Comparator.comparing(CashMove::time).thenComparing(CashMove::id);

  static final class Coder extends AtomicCoder<CashMove> {
    static final Coder INSTANCE = new Coder();

    private Coder() {}

    @Override
    public void encode(CashMove move, OutputStream out) throws IOException {
      VarLongCoder.of().encode((long) move.kind().ordinal(), out);
      StringUtf8Coder.of().encode(move.id(), out);
      VarLongCoder.of().encode(move.time().getMillis(), out);
      DecimalCoder.of().encode(move.amount(), out);
    }

    @Override
    public CashMove decode(InputStream in) throws IOException {
      return new CashMove(
          Kind.values()[VarLongCoder.of().decode(in).intValue()],
          StringUtf8Coder.of().decode(in),
          new Instant(VarLongCoder.of().decode(in)),
          DecimalCoder.of().decode(in));
    }
  }
}
