package dev.tributary.transforms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A coder for state that a runner writes to its checkpoints: the wrapped coder's bytes, unchanged,
 * handed to the stream in one write instead of a call per byte or field. Beam's Flink runner
 * passes each call of a coder on to the checkpoint stream, and single bytes were most of the
 * checkpoint thread's time (BENCHMARKS.md, entry 37).
 */
public final class OneWriteCoder<T> extends CustomCoder<T> {
  /** A buffer per thread, reused: checkpoints encode every key's value, one after another. */
  private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

  private final Coder<T> coder;

  private OneWriteCoder(Coder<T> coder) {
    this.coder = coder;
  }

  public static <T> OneWriteCoder<T> of(Coder<T> coder) {
    return new OneWriteCoder<>(coder);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    Buffer buffer = BUFFER.get();
    buffer.reset();
    coder.encode(value, buffer);
    buffer.writeTo(out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return coder.decode(in);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    coder.verifyDeterministic();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OneWriteCoder<?> other && coder.equals(other.coder);
  }

  @Override
  public int hashCode() {
    return coder.hashCode();
  }

  /** A byte array stream that neither locks nor copies on the way out. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(256);
    }

    @Override
    public void write(int b) {
      if (count == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (count + len > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
      }
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(buf, 0, count);
    }

    @Override
    public void reset() {
      count = 0;
    }
  }
}
