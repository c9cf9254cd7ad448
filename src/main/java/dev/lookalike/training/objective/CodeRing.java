package dev.lookalike.training.objective;

import java.util.Arrays;

/**
 * The unit codes of the last {@code capacity} training images, copied out of the gradient: the
 * support set of the terms that look beyond the batch. Once full, each new code overwrites the
 * oldest.
 */
final class CodeRing {

  private final int capacity;
  private float[] codes;
  private int dimension;
  private int size;
  private int next;

  CodeRing(int capacity) {
    this.capacity = capacity;
  }

  /** Appends {@code rows} codes of {@code dimension} floats each, row after row. */
  void add(float[] values, int rows, int dimension) {
    if (codes == null) {
      this.dimension = dimension;
      codes = new float[capacity * dimension];
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(values, r * dimension, codes, next * dimension, dimension);
      next = (next + 1) % capacity;
      size = Math.min(size + 1, capacity);
    }
  }

  int size() {
    return size;
  }

  int capacity() {
    return capacity;
  }

  int dimension() {
    return dimension;
  }

  /** The codes held, row after row ({@link #size()} rows; the array itself once full). */
  float[] flat() {
    return size == capacity ? codes : Arrays.copyOf(codes, size * dimension);
  }

  /** Code {@code row} copied into {@code out} at {@code offset}. */
  void copy(int row, float[] out, int offset) {
    System.arraycopy(codes, row * dimension, out, offset, dimension);
  }

  /** The codes held as one array per code. */
  float[][] rows() {
    float[][] rows = new float[size][];
    for (int r = 0; r < size; r++) {
      rows[r] = Arrays.copyOfRange(codes, r * dimension, (r + 1) * dimension);
    }
    return rows;
  }
}
