package dev.lookalike.linalg;

import java.util.Arrays;

/** Small dense matrix helpers on float rows, accumulated in double. */
public final class Matrices {

  private Matrices() {}

  /** {@code a · b}, where {@code b} has as many rows as {@code a} has columns. */
  public static float[][] times(float[][] a, float[][] b) {
    float[][] out = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      double[] row = new double[b[0].length];
      for (int k = 0; k < b.length; k++) {
        double w = a[i][k];
        for (int j = 0; j < row.length; j++) {
          row[j] += w * b[k][j];
        }
      }
      out[i] = toFloat(row);
    }
    return out;
  }

  /**
   * {@code rᵀ · p}: projecting with the result equals projecting with {@code p}, then {@code r}.
   */
  public static float[][] transposeTimes(float[][] r, float[][] p) {
    float[][] transposed = new float[r.length][r.length];
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < r.length; j++) {
        transposed[j][i] = r[i][j];
      }
    }
    return times(transposed, p);
  }

  /**
   * Per-column medians (mean of the two middle values for an even count).
   *
   * <p>Callers compare projections with a strict {@code >}, so about half the rows set each bit.
   */
  public static float[] columnMedians(float[][] projected) {
    int n = projected.length;
    float[] out = new float[projected[0].length];
    float[] column = new float[n];
    for (int b = 0; b < out.length; b++) {
      for (int i = 0; i < n; i++) {
        column[i] = projected[i][b];
      }
      Arrays.sort(column);
      out[b] =
          n % 2 == 1 ? column[n / 2] : (float) (((double) column[n / 2 - 1] + column[n / 2]) / 2);
    }
    return out;
  }

  public static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
