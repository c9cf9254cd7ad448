package dev.lookalike.linalg;

import org.apache.lucene.util.VectorUtil;

/** Vector helpers shared by the encoder, the codes, training and evaluation. */
public final class Vectors {

  private Vectors() {}

  /** The dot product, Lucene's vectorised implementation. */
  public static float dot(float[] a, float[] b) {
    return VectorUtil.dotProduct(a, b);
  }

  /**
   * {@code vector} scaled to unit length; the zero vector, which has no direction, becomes the
   * first axis so every result stays a unit vector.
   */
  public static float[] unit(float[] vector) {
    float[] unit = vector.clone();
    double norm = 0;
    for (float v : vector) {
      norm += (double) v * v;
    }
    if (norm == 0) {
      unit[0] = 1;
      return unit;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < unit.length; i++) {
      unit[i] *= scale;
    }
    return unit;
  }

  /** Unit-length copies of each row. */
  public static float[][] unit(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = unit(rows[i]);
    }
    return out;
  }

  /** The mean of the rows' unit-length versions (not itself unit length). */
  public static float[] meanOfUnits(float[][] rows) {
    float[] mean = new float[rows[0].length];
    for (float[] row : rows) {
      float[] unit = unit(row);
      for (int i = 0; i < mean.length; i++) {
        mean[i] += unit[i] / rows.length;
      }
    }
    return mean;
  }

  /** Each row minus {@code mean}, as new rows. */
  public static float[][] centred(float[][] rows, float[] mean) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new float[mean.length];
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = rows[i][j] - mean[j];
      }
    }
    return out;
  }

  /** Refuses NaN and infinite values, naming {@code name} and the index of the first. */
  public static void requireFinite(float[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + values[i]);
      }
    }
  }
}
