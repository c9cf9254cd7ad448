package dev.lookalike.linalg;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Learns the orthogonal rotation of Iterative Quantization (Gong and Lazebnik, CVPR 2011).
 *
 * <p>Given centred, PCA-projected data {@code V}, ITQ alternates {@code B = sign(V R)} and the
 * orthogonal Procrustes solution for {@code R}, which lowers the quantisation error {@code ||B - V
 * R||²} so that taking signs of the rotated projections loses less information than taking signs of
 * the raw principal components. Everything is seeded and summed in a fixed order, so the same data
 * and seed always give the same rotation.
 */
public final class ItqRotation {

  /** Fixed number of partial sums of {@code Bᵀ V}; fixed so results do not depend on cores. */
  private static final int MAX_PARTS = 8;

  private ItqRotation() {}

  /**
   * Returns an orthogonal {@code bits x bits} rotation learnt on {@code centredProjected}.
   *
   * <p>{@code bits} is the row length of the data. With {@code iterations == 0} the result is the
   * seeded random starting rotation, which is how callers can measure what learning gained.
   */
  public static float[][] learn(float[][] centredProjected, int iterations, long seed) {
    Objects.requireNonNull(centredProjected, "centredProjected");
    if (centredProjected.length == 0) {
      throw new IllegalArgumentException("centredProjected must not be empty");
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
    int bits = Pca.dimensionOf(centredProjected);
    double[][] rotation = randomOrthogonal(bits, seed);
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(bits, bits, true, true, false);
    for (int it = 0; it < iterations; it++) {
      DMatrixRMaj c = new DMatrixRMaj(signTransposedTimes(centredProjected, rotation));
      if (!svd.decompose(c)) {
        throw new IllegalStateException(
            "SVD of the " + bits + "x" + bits + " ITQ matrix did not converge at iteration " + it);
      }
      DMatrixRMaj u = svd.getU(null, false);
      DMatrixRMaj w = svd.getV(null, false);
      DMatrixRMaj next = new DMatrixRMaj(bits, bits);
      CommonOps_DDRM.multTransB(w, u, next);
      rotation = toArray(next);
    }
    return toFloat(rotation);
  }

  /**
   * Returns a seeded random orthogonal {@code size x size} matrix (Q of the QR decomposition of a
   * Gaussian matrix).
   *
   * <p>Also used to build extra, decorrelated bit directions when more bits than dimensions are
   * asked for.
   */
  public static float[][] randomRotation(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + size);
    }
    return toFloat(randomOrthogonal(size, seed));
  }

  private static double[][] randomOrthogonal(int size, long seed) {
    Random random = new Random(seed);
    DMatrixRMaj gaussian = new DMatrixRMaj(size, size);
    for (int i = 0; i < gaussian.data.length; i++) {
      gaussian.data[i] = random.nextGaussian();
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(size, size);
    if (!qr.decompose(gaussian)) {
      throw new IllegalStateException("QR of a random " + size + "x" + size + " matrix failed");
    }
    return toArray(qr.getQ(null, false));
  }

  /** Computes {@code sign(V R)ᵀ V}; sign(0) is +1, as in the reference implementation. */
  private static double[][] signTransposedTimes(float[][] v, double[][] rotation) {
    int n = v.length;
    int parts = Math.max(1, Math.min(MAX_PARTS, n / 256));
    return RowBlocks.sum(n, parts, (from, to) -> partial(v, rotation, from, to));
  }

  private static double[][] partial(float[][] v, double[][] rotation, int from, int to) {
    int bits = rotation.length;
    double[][] c = new double[bits][bits];
    double[] row = new double[bits];
    double[] rotated = new double[bits];
    for (int r = from; r < to; r++) {
      float[] source = v[r];
      for (int k = 0; k < bits; k++) {
        row[k] = source[k];
      }
      Arrays.fill(rotated, 0.0);
      for (int k = 0; k < bits; k++) {
        double a = row[k];
        double[] rk = rotation[k];
        for (int j = 0; j < bits; j++) {
          rotated[j] += a * rk[j];
        }
      }
      for (int a = 0; a < bits; a++) {
        double[] ca = c[a];
        if (rotated[a] >= 0) {
          for (int j = 0; j < bits; j++) {
            ca[j] += row[j];
          }
        } else {
          for (int j = 0; j < bits; j++) {
            ca[j] -= row[j];
          }
        }
      }
    }
    return c;
  }

  private static double[][] toArray(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
    }
    return out;
  }

  private static float[][] toFloat(double[][] m) {
    float[][] out = new float[m.length][m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        out[i][j] = (float) m[i][j];
      }
    }
    return out;
  }
}
