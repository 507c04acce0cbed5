package dev.tributary.transforms;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.joda.time.Instant;

/**
 * The coder of {@link OpenWindow}, for the state of {@link AggregatePanesFn}; its three flags in
 * one byte.
 */
final class OpenWindowCoder extends CustomCoder<OpenWindow> {
  private final TallyCoder tallyCoder;

  OpenWindowCoder(TallyCoder tallyCoder) {
    this.tallyCoder = tallyCoder;
  }

  private static final Coder<Instant> EARLY_PANE_AT = NullableCoder.of(InstantCoder.of());
  private static final int ON_TIME_PANE_DONE = 1;
  private static final int ON_TIME_PANE_GIVEN = 2;
  private static final int NEW_RECORDS = 4;

  @Override
  public void encode(OpenWindow window, OutputStream out) throws IOException {
    InstantCoder.of().encode(window.start(), out);
    tallyCoder.encode(window.stats(), out);
    VarIntCoder.of().encode(window.panes(), out);
    out.write(
        (window.onTimePaneDone() ? ON_TIME_PANE_DONE : 0)
            | (window.onTimePaneGiven() ? ON_TIME_PANE_GIVEN : 0)
            | (window.newRecords() ? NEW_RECORDS : 0));
    EARLY_PANE_AT.encode(window.earlyPaneAt(), out);
  }

  @Override
  public OpenWindow decode(InputStream in) throws IOException {
    Instant start = InstantCoder.of().decode(in);
    Tally stats = tallyCoder.decode(in);
    int panes = VarIntCoder.of().decode(in);
    int flags = in.read();
    if (flags < 0) {
      throw new EOFException("an open window ended before its flags");
    }
    return new OpenWindow(
        start,
        stats,
        panes,
        (flags & ON_TIME_PANE_DONE) != 0,
        (flags & ON_TIME_PANE_GIVEN) != 0,
        (flags & NEW_RECORDS) != 0,
        EARLY_PANE_AT.decode(in));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenWindowCoder c && tallyCoder.equals(c.tallyCoder);
  }

  @Override
  public int hashCode() {
    return tallyCoder.hashCode();
  }
}
