package dev.lookalike.index;

import dev.lookalike.codes.BinaryCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The bucket terms of a binary code, the same in every engine: one term per 16-bit chunk, {@code
 * <chunk>:<hex value>}, and the terms of the chunk values within a given Hamming radius of the
 * query's (for widening).
 *
 * <p>Multi-index hashing: any code within Hamming distance (r + 1)·m − 1 of the query shares a
 * chunk within distance r with it, m = {@link #chunks} (pigeonhole), so a lookup of rings 0..r
 * finds every such code.
 */
public final class BucketTerms {

  /** Bits per bucket chunk. */
  public static final int CHUNK_BITS = 16;

  private BucketTerms() {}

  public static int chunks(int bits) {
    return Math.max(1, bits / CHUNK_BITS);
  }

  /** The largest Hamming distance that a lookup of rings 0..{@code radius} is sure to find. */
  public static int guaranteed(int bits, int radius) {
    return (radius + 1) * chunks(bits) - 1;
  }

  /** The terms a document with this code is indexed under. */
  public static List<String> of(long[] code, int bits) {
    List<String> terms = new ArrayList<>();
    for (int c = 0; c < chunks(bits); c++) {
      terms.add(term(c, BinaryCodes.chunk(code, c, CHUNK_BITS)));
    }
    return terms;
  }

  /** Terms of every chunk value whose distance to the query's chunk is exactly {@code radius}. */
  public static List<String> ring(long[] code, int bits, int radius) {
    List<String> terms = new ArrayList<>();
    for (int c = 0; c < chunks(bits); c++) {
      int value = BinaryCodes.chunk(code, c, CHUNK_BITS);
      int chunk = c;
      flips(CHUNK_BITS, radius, 0, 0, mask -> terms.add(term(chunk, value ^ mask)));
    }
    return terms;
  }

  /** The terms of rings 0..{@code radius}. */
  public static List<String> rings(long[] code, int bits, int radius) {
    List<String> terms = new ArrayList<>();
    for (int r = 0; r <= radius; r++) {
      terms.addAll(ring(code, bits, r));
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
