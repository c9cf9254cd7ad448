package dev.lookalike.linalg;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis of a set of dense vectors, fitted once and then immutable.
 *
 * <p>The covariance is accumulated in double precision and diagonalised with EJML's symmetric eigen
 * decomposition. Components are sorted by descending eigenvalue and given a deterministic sign (the
 * entry of largest magnitude is positive), so the same data always yields the same basis and
 * therefore the same binary codes downstream.
 */
public final class Pca {

  /** Rows centred and scattered together; 64 rows of 784 doubles stay in L2 cache. */
  private static final int BLOCK_ROWS = 64;

  /**
   * Fixed number of partial covariance sums; fixed (not the core count) so results do not depend on
   * the machine.
   */
  private static final int MAX_PARTS = 8;

  private final float[] mean;
  private final float[][] components;
  private final double[] explainedVariance;

  private Pca(float[] mean, float[][] components, double[] explainedVariance) {
    this.mean = mean;
    this.components = components;
    this.explainedVariance = explainedVariance;
  }

  /**
   * Fits the first {@code components} principal directions of {@code rows}.
   *
   * <p>All rows must have the same dimension and {@code components} must be in {@code [1, dim]}.
   */
  public static Pca fit(float[][] rows, int components) {
    Objects.requireNonNull(rows, "rows");
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows must not be empty");
    }
    int dim = dimensionOf(rows);
    if (components < 1 || components > dim) {
      throw new IllegalArgumentException(
          "components must be in [1, " + dim + "] (the dimension), got " + components);
    }
    double[] mean = mean(rows, dim);
    double[][] covariance = covariance(rows, mean);
    DMatrixRMaj matrix = new DMatrixRMaj(covariance);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
    if (!eig.decompose(matrix)) {
      throw new IllegalStateException(
          "eigen decomposition of the " + dim + "x" + dim + " covariance did not converge");
    }
    Integer[] order = new Integer[dim];
    double[] values = new double[dim];
    for (int i = 0; i < dim; i++) {
      order[i] = i;
      values[i] = eig.getEigenvalue(i).getReal();
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byValue = Double.compare(values[b], values[a]);
          return byValue != 0 ? byValue : Integer.compare(a, b);
        });
    float[][] basis = new float[components][];
    double[] variance = new double[components];
    for (int c = 0; c < components; c++) {
      basis[c] = signFixed(eig.getEigenVector(order[c]), dim);
      variance[c] = Math.max(0.0, values[order[c]]);
    }
    float[] floatMean = new float[dim];
    for (int j = 0; j < dim; j++) {
      floatMean[j] = (float) mean[j];
    }
    return new Pca(floatMean, basis, variance);
  }

  /** Returns a copy of the mean that is subtracted before projecting. */
  public float[] mean() {
    return mean.clone();
  }

  /** Returns a copy of the unit-length components, one row per component. */
  public float[][] components() {
    return deepCopy(components);
  }

  /** Returns the eigenvalues (variances along each kept component), largest first. */
  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  /** Returns the dimension of the input vectors. */
  public int dimension() {
    return mean.length;
  }

  /** Projects one vector: {@code (row - mean) · components}. */
  public float[] project(float[] row) {
    Objects.requireNonNull(row, "row");
    if (row.length != mean.length) {
      throw new IllegalArgumentException(
          "row has dimension " + row.length + ", expected " + mean.length);
    }
    float[] centred = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      centred[j] = row[j] - mean[j];
    }
    float[] out = new float[components.length];
    for (int c = 0; c < components.length; c++) {
      float[] direction = components[c];
      double sum = 0;
      for (int j = 0; j < centred.length; j++) {
        sum += centred[j] * direction[j];
      }
      out[c] = (float) sum;
    }
    return out;
  }

  /** Projects many vectors in parallel; row {@code i} of the result belongs to row {@code i}. */
  public float[][] project(float[][] rows) {
    Objects.requireNonNull(rows, "rows");
    float[][] out = new float[rows.length][];
    IntStream.range(0, rows.length).parallel().forEach(i -> out[i] = project(rows[i]));
    return out;
  }

  public static int dimensionOf(float[][] rows) {
    Objects.requireNonNull(rows[0], "rows[0]");
    int dim = rows[0].length;
    if (dim == 0) {
      throw new IllegalArgumentException("rows must have dimension >= 1, got 0");
    }
    for (int i = 1; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new NullPointerException("rows[" + i + "]");
      }
      if (rows[i].length != dim) {
        throw new IllegalArgumentException(
            "rows[" + i + "] has dimension " + rows[i].length + ", expected " + dim);
      }
    }
    return dim;
  }

  public static float[][] deepCopy(float[][] matrix) {
    float[][] copy = new float[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }
    return copy;
  }

  private static double[] mean(float[][] rows, int dim) {
    double[] sum = new double[dim];
    for (float[] row : rows) {
      for (int j = 0; j < dim; j++) {
        sum[j] += row[j];
      }
    }
    for (int j = 0; j < dim; j++) {
      sum[j] /= rows.length;
    }
    return sum;
  }

  /** Sample covariance; partial sums over fixed row ranges are added in order. */
  private static double[][] covariance(float[][] rows, double[] mean) {
    int n = rows.length;
    int dim = mean.length;
    int parts = Math.max(1, Math.min(MAX_PARTS, n / BLOCK_ROWS));
    double[][] total = RowBlocks.sum(n, parts, (from, to) -> scatter(rows, mean, from, to));
    double scale = 1.0 / Math.max(1, n - 1);
    for (int i = 0; i < dim; i++) {
      for (int j = i; j < dim; j++) {
        total[i][j] *= scale;
        total[j][i] = total[i][j];
      }
    }
    return total;
  }

  /**
   * Upper triangle of the scatter matrix of rows {@code [from, to)}, blocked over rows.
   *
   * <p>Four rows are folded into each pass over a covariance row, so that row is loaded and stored
   * a quarter as often; the inner loop is a plain array loop the JIT vectorises.
   */
  private static double[][] scatter(float[][] rows, double[] mean, int from, int to) {
    int dim = mean.length;
    double[][] c = new double[dim][dim];
    double[][] block = new double[BLOCK_ROWS][dim];
    for (int start = from; start < to; start += BLOCK_ROWS) {
      int m = Math.min(BLOCK_ROWS, to - start);
      for (int r = 0; r < m; r++) {
        float[] row = rows[start + r];
        double[] centred = block[r];
        for (int j = 0; j < dim; j++) {
          centred[j] = row[j] - mean[j];
        }
      }
      for (int i = 0; i < dim; i++) {
        double[] ci = c[i];
        int r = 0;
        for (; r + 3 < m; r += 4) {
          double[] x0 = block[r];
          double[] x1 = block[r + 1];
          double[] x2 = block[r + 2];
          double[] x3 = block[r + 3];
          double a0 = x0[i];
          double a1 = x1[i];
          double a2 = x2[i];
          double a3 = x3[i];
          for (int j = i; j < dim; j++) {
            ci[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
          }
        }
        for (; r < m; r++) {
          double[] x = block[r];
          double a = x[i];
          for (int j = i; j < dim; j++) {
            ci[j] += a * x[j];
          }
        }
      }
    }
    return c;
  }

  private static float[] signFixed(DMatrixRMaj vector, int dim) {
    double norm = 0;
    int largest = 0;
    for (int j = 0; j < dim; j++) {
      double v = vector.get(j);
      norm += v * v;
      if (Math.abs(v) > Math.abs(vector.get(largest))) {
        largest = j;
      }
    }
    double scale = (vector.get(largest) < 0 ? -1.0 : 1.0) / Math.sqrt(norm);
    float[] out = new float[dim];
    for (int j = 0; j < dim; j++) {
      out[j] = (float) (vector.get(j) * scale);
    }
    return out;
  }
}
