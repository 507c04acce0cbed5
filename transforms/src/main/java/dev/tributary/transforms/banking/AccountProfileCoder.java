package dev.tributary.transforms.banking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** The coder of {@link AccountProfile}: its four texts. */
public final class AccountProfileCoder extends AtomicCoder<AccountProfile> {
  private static final AccountProfileCoder INSTANCE = new AccountProfileCoder();
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();

  /** The one instance. */
  public static AccountProfileCoder of() {
    return INSTANCE;
  }

  private AccountProfileCoder() {}

  @Override
  public void encode(AccountProfile account, OutputStream out) throws IOException {
    TEXT.encode(account.accountId, out);
    TEXT.encode(account.homeCountry, out);
    TEXT.encode(account.riskTier, out);
    TEXT.encode(account.openedOn, out);
  }

  @Override
  public AccountProfile decode(InputStream in) throws IOException {
    return new AccountProfile(TEXT.decode(in), TEXT.decode(in), TEXT.decode(in), TEXT.decode(in));
  }
}
