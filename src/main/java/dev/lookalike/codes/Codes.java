package dev.lookalike.codes;

import dev.lookalike.linalg.Vectors;

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
    return Vectors.dot(dense, other);
  }
}
