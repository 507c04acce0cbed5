package dev.tributary.transforms.banking;

import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * A transaction with its account's reference data. {@code account} is null when the reference data
 * has no such account: the transaction is kept, and rules that need the account skip it.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class EnrichedTransaction {
  public final Transaction transaction;
  public final @Nullable AccountProfile account;

  @SchemaCreate
  public EnrichedTransaction(Transaction transaction, @Nullable AccountProfile account) {
    this.transaction = transaction;
    this.account = account;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnrichedTransaction e
        && transaction.equals(e.transaction)
        && Objects.equals(account, e.account);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transaction, account);
  }

  @Override
  public String toString() {
    return "EnrichedTransaction{" + transaction + ", " + account + "}";
  }
}
