package dev.lookalike.codes;

/**
 * The two codes of one image: a unit-length dense vector (cosine similarity = dot product) and a
 * packed binary code for Hamming distance.
 */
public record Codes(float[] dense, long[] bits) {

  public Codes {
    if (dense == null || dense.length == 0) {
      throw new IllegalArgumentException("dense code must not be empty");
    }
    if (bits == null || bits.length == 0) {
      throw new IllegalArgumentException("binary code must not be empty");
    }
  }

  /** Cosine similarity of two dense codes (both unit length). */
  public float cosine(float[] other) {
    float dot = 0;
    for (int i = 0; i < dense.length; i++) {
      dot += dense[i] * other[i];
    }
    return dot;
  }
}
