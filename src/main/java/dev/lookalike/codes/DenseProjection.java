package dev.lookalike.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookalike.linalg.Pca;
import dev.lookalike.linalg.Vectors;
import java.util.Arrays;
import java.util.Objects;

/**
 * A linear map applied to a latent before it becomes the unit-length dense code: {@code matrix ·
 * (latent − mean)}.
 *
 * <p>{@link #whitening} makes it a partial PCA whitening: each principal axis divided by (its
 * standard deviation)^power. A few high-variance axes dominate the cosine of raw autoencoder
 * latents; damping them lets the many small directions that tell near-duplicates apart count too
 * (power 0.5 beat 0 and 1 on the validation splits: BENCHMARKS.md). Immutable; serialises to JSON
 * with Jackson as-is.
 */
public final class DenseProjection {

  /** Floor of a principal variance, so a dead latent unit is not blown up to noise. */
  private static final double MIN_VARIANCE = 1e-12;

  private final double power;
  private final float[] mean;
  private final float[][] matrix;

  /**
   * @param power the whitening power it was fitted with (a record of how; not used to apply it)
   * @param mean subtracted first; its length is the latent dimension
   * @param matrix {@code output x latent}
   */
  @JsonCreator
  public DenseProjection(
      @JsonProperty("power") double power,
      @JsonProperty("mean") float[] mean,
      @JsonProperty("matrix") float[][] matrix) {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(matrix, "matrix");
    if (mean.length == 0 || matrix.length == 0) {
      throw new IllegalArgumentException("a dense projection needs a mean and at least one row");
    }
    for (int r = 0; r < matrix.length; r++) {
      Objects.requireNonNull(matrix[r], "matrix[" + r + "]");
      if (matrix[r].length != mean.length) {
        throw new IllegalArgumentException(
            "matrix["
                + r
                + "] has "
                + matrix[r].length
                + " columns, expected the mean's dimension "
                + mean.length);
      }
      Vectors.requireFinite(matrix[r], "matrix[" + r + "]");
    }
    Vectors.requireFinite(mean, "mean");
    this.power = power;
    this.mean = mean.clone();
    this.matrix = Pca.deepCopy(matrix);
  }

  /** Fits the whitening to {@code power} of {@code latents}' principal axes (all of them). */
  public static DenseProjection whitening(float[][] latents, double power) {
    return whitening(latents, power, Pca.dimensionOf(latents));
  }

  /**
   * Fits the whitening to {@code power} of the first {@code components} principal axes of {@code
   * rows}: each axis divided by (its standard deviation)^power.
   */
  public static DenseProjection whitening(float[][] rows, double power, int components) {
    if (!(power > 0 && power <= 1)) {
      throw new IllegalArgumentException("whitening power must be in (0, 1], got " + power);
    }
    return scaledAxes(rows, power, components);
  }

  /** The first {@code components} principal axes of {@code rows}, unscaled (power 0). */
  public static DenseProjection principal(float[][] rows, int components) {
    return scaledAxes(rows, 0, components);
  }

  private static DenseProjection scaledAxes(float[][] rows, double power, int components) {
    int dimension = Pca.dimensionOf(rows);
    Pca pca = Pca.fit(rows, components);
    float[][] axes = pca.components();
    double[] variance = pca.explainedVariance();
    float[][] matrix = new float[axes.length][];
    for (int j = 0; j < axes.length; j++) {
      double scale = Math.pow(Math.max(variance[j], MIN_VARIANCE), -power / 2);
      matrix[j] = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        matrix[j][i] = (float) (axes[j][i] * scale);
      }
    }
    return new DenseProjection(power, pca.mean(), matrix);
  }

  public float[] apply(float[] latent) {
    if (latent.length != mean.length) {
      throw new IllegalArgumentException(
          "latent has " + latent.length + " values; the projection expects " + mean.length);
    }
    float[] out = new float[matrix.length];
    for (int r = 0; r < matrix.length; r++) {
      double sum = 0;
      float[] row = matrix[r];
      for (int i = 0; i < row.length; i++) {
        sum += row[i] * (latent[i] - mean[i]);
      }
      out[r] = (float) sum;
    }
    return out;
  }

  @JsonProperty("power")
  public double power() {
    return power;
  }

  @JsonProperty("mean")
  public float[] mean() {
    return mean.clone();
  }

  @JsonProperty("matrix")
  public float[][] matrix() {
    return Pca.deepCopy(matrix);
  }

  /** The latent dimension it takes. */
  public int dimension() {
    return mean.length;
  }

  /** The dimension of what it returns. */
  public int outputs() {
    return matrix.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DenseProjection that
        && Double.compare(power, that.power) == 0
        && Arrays.equals(mean, that.mean)
        && Arrays.deepEquals(matrix, that.matrix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(power, Arrays.hashCode(mean), Arrays.deepHashCode(matrix));
  }

  @Override
  public String toString() {
    return "DenseProjection[power=" + power + ", " + dimension() + "->" + outputs() + "]";
  }
}
