package dev.tributary.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class OneWriteCoderTest {
  private static final Coder<List<String>> LIST = ListCoder.of(StringUtf8Coder.of());

  @Test
  void writesTheWrappedCodersBytesAndReadsThemBack() throws Exception {
    List<String> large = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      large.add("value-" + i); // past the buffer's first 256 bytes
    }
    for (List<String> value : List.of(List.<String>of(), List.of("a", "ü"), large)) {
      assertArrayEquals(CoderUtils.encodeToByteArray(LIST, value), CoderUtils.encodeToByteArray(OneWriteCoder.of(LIST), value));
      CoderProperties.coderDecodeEncodeEqual(OneWriteCoder.of(LIST), value);
    }
    assertEquals(OneWriteCoder.of(LIST), OneWriteCoder.of(ListCoder.of(StringUtf8Coder.of())));
  }
}
