package dev.tributary.transforms.banking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;

/** The coder of {@link EnrichedTransaction}: the transaction, then its account or a null marker. */
public final class EnrichedTransactionCoder extends AtomicCoder<EnrichedTransaction> {
  private static final EnrichedTransactionCoder INSTANCE = new EnrichedTransactionCoder();
  private static final NullableCoder<AccountProfile> ACCOUNT =
      NullableCoder.of(AccountProfileCoder.of());

  /** The one instance. */
  public static EnrichedTransactionCoder of() {
    return INSTANCE;
  }

  private EnrichedTransactionCoder() {}

  @Override
  public void encode(EnrichedTransaction enriched, OutputStream out) throws IOException {
    TransactionCoder.of().encode(enriched.transaction, out);
    ACCOUNT.encode(enriched.account, out);
  }

  @Override
  public EnrichedTransaction decode(InputStream in) throws IOException {
    return new EnrichedTransaction(TransactionCoder.of().decode(in), ACCOUNT.decode(in));
  }
}
