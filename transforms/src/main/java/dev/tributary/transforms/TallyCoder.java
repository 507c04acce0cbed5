package dev.tributary.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * The coder of a {@link Tally} of given accumulations: each value in its own wire form, in order.
 */
final class TallyCoder extends CustomCoder<Tally> {
  private final List<Accumulation> kinds;

  TallyCoder(List<Accumulation> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  @Override
  public void encode(Tally tally, OutputStream out) throws IOException {
    for (int i = 0; i < kinds.size(); i++) {
      kinds.get(i).encode(tally.get(i), out);
    }
  }

  @Override
  public Tally decode(InputStream in) throws IOException {
    Object[] values = new Object[kinds.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = kinds.get(i).decode(in);
    }
    return new Tally(values);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof TallyCoder c && kinds.equals(c.kinds);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode();
  }
}
