package dev.lookalike.codes;

import java.util.Objects;

/**
 * Packs, compares and prints binary codes stored as {@code long} words.
 *
 * <p>Bit {@code i} of a code is bit {@code i % 64} of word {@code i / 64}. Keeping every code
 * operation in one place means the index, the encoder and the hex form shown to users can never
 * disagree on that layout.
 */
public final class BinaryCodes {

  private static final int HEX_DIGITS_PER_WORD = Long.SIZE / 4;

  private BinaryCodes() {}

  /**
   * Returns the number of 64-bit words needed to hold {@code bits} bits.
   *
   * <p>Codes are always padded to whole words so that Hamming distance is a plain popcount loop.
   */
  public static int words(int bits) {
    if (bits < 0) {
      throw new IllegalArgumentException("bits must be >= 0, got " + bits);
    }
    return (bits + Long.SIZE - 1) / Long.SIZE;
  }

  /**
   * Packs one boolean per bit into words; unused high bits of the last word stay zero.
   *
   * <p>Zero padding keeps the Hamming distance of two packed codes equal to that of the booleans.
   */
  public static long[] pack(boolean[] bits) {
    Objects.requireNonNull(bits, "bits");
    long[] code = new long[words(bits.length)];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        code[i >>> 6] |= 1L << (i & 63);
      }
    }
    return code;
  }

  /**
   * Returns the number of differing bits between two codes of the same length.
   *
   * <p>Uses {@link Long#bitCount}, which the JIT turns into a single popcount instruction.
   */
  public static int hamming(long[] a, long[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "codes must have the same number of words, got " + a.length + " and " + b.length);
    }
    int distance = 0;
    for (int i = 0; i < a.length; i++) {
      distance += Long.bitCount(a[i] ^ b[i]);
    }
    return distance;
  }

  /**
   * Returns the unsigned value of the {@code chunkIndex}-th run of {@code chunkBits} bits.
   *
   * <p>Chunk 0 is the lowest {@code chunkBits} bits of word 0. Chunks are the keys of multi-index
   * hashing, so {@code chunkBits} must divide 64 (so no chunk spans two words) and be at most 16
   * (so the value fits a non-negative {@code int} and a bucket table stays small).
   */
  public static int chunk(long[] code, int chunkIndex, int chunkBits) {
    Objects.requireNonNull(code, "code");
    if (chunkBits < 1 || chunkBits > 16 || Long.SIZE % chunkBits != 0) {
      throw new IllegalArgumentException(
          "chunkBits must divide 64 and be in [1, 16], got " + chunkBits);
    }
    int perWord = Long.SIZE / chunkBits;
    if (chunkIndex < 0 || chunkIndex >= code.length * perWord) {
      throw new IllegalArgumentException(
          "chunkIndex must be in [0, " + code.length * perWord + "), got " + chunkIndex);
    }
    long word = code[chunkIndex / perWord];
    int shift = (chunkIndex % perWord) * chunkBits;
    return (int) ((word >>> shift) & ((1L << chunkBits) - 1));
  }

  /**
   * Formats a code as 16 lower-case hex digits per word, word 0 first.
   *
   * <p>Fixed width per word makes the text form reversible without a separator.
   */
  public static String toHex(long[] code) {
    Objects.requireNonNull(code, "code");
    StringBuilder out = new StringBuilder(code.length * HEX_DIGITS_PER_WORD);
    for (long word : code) {
      String digits = Long.toHexString(word);
      out.repeat('0', HEX_DIGITS_PER_WORD - digits.length()).append(digits);
    }
    return out.toString();
  }

  /**
   * Parses the output of {@link #toHex(long[])}.
   *
   * <p>Rejects text whose length is not a whole number of words, since a shorter word would
   * silently shift every later bit.
   */
  public static long[] fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() % HEX_DIGITS_PER_WORD != 0) {
      throw new IllegalArgumentException(
          "hex code length must be a multiple of 16, got " + hex.length() + " in '" + hex + "'");
    }
    long[] code = new long[hex.length() / HEX_DIGITS_PER_WORD];
    for (int w = 0; w < code.length; w++) {
      String digits = hex.substring(w * HEX_DIGITS_PER_WORD, (w + 1) * HEX_DIGITS_PER_WORD);
      try {
        code[w] = Long.parseUnsignedLong(digits, 16);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a hex word: '" + digits + "' in '" + hex + "'", e);
      }
    }
    return code;
  }
}
