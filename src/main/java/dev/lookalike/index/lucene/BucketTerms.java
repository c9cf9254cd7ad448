package dev.lookalike.index.lucene;

import dev.lookalike.codes.BinaryCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.lucene.util.BytesRef;

/**
 * The bucket terms of a binary code: one term per 16-bit chunk, {@code <chunk>:<hex value>}, and
 * the terms of the chunk values within a given Hamming radius of the query's (for widening).
 */
final class BucketTerms {

  private BucketTerms() {}

  static int chunks(int bits) {
    return Math.max(1, bits / IndexFields.CHUNK_BITS);
  }

  /** The terms a document with this code is indexed under. */
  static List<String> of(long[] code, int bits) {
    List<String> terms = new ArrayList<>();
    for (int c = 0; c < chunks(bits); c++) {
      terms.add(term(c, BinaryCodes.chunk(code, c, IndexFields.CHUNK_BITS)));
    }
    return terms;
  }

  /** Terms of every chunk value whose distance to the query's chunk is exactly {@code radius}. */
  static List<BytesRef> ring(long[] code, int bits, int radius) {
    List<BytesRef> terms = new ArrayList<>();
    for (int c = 0; c < chunks(bits); c++) {
      int value = BinaryCodes.chunk(code, c, IndexFields.CHUNK_BITS);
      int chunk = c;
      flips(
          IndexFields.CHUNK_BITS,
          radius,
          0,
          0,
          mask -> terms.add(new BytesRef(term(chunk, value ^ mask))));
    }
    return terms;
  }

  /**
   * Calls {@code sink} with every mask of {@code width} bits that has exactly {@code left} more
   * ones.
   */
  private static void flips(int width, int left, int from, int mask, IntConsumer sink) {
    if (left == 0) {
      sink.accept(mask);
      return;
    }
    for (int bit = from; bit < width; bit++) {
      flips(width, left - 1, bit + 1, mask | (1 << bit), sink);
    }
  }

  private static String term(int chunk, int value) {
    return chunk + ":" + Integer.toHexString(value);
  }
}
