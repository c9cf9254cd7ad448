package dev.lookalike.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

  /** Unit direction whose largest-magnitude entry is positive, so the sign rule keeps it. */
  private static final double[] DIRECTION = {3.0 / 13, -4.0 / 13, 12.0 / 13};

  private static float[][] stretched(int n, long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[n][3];
    for (int i = 0; i < n; i++) {
      double t = 5 * random.nextGaussian();
      for (int j = 0; j < 3; j++) {
        rows[i][j] = (float) (10 + t * DIRECTION[j] + 0.1 * random.nextGaussian());
      }
    }
    return rows;
  }

  @Test
  void firstComponentIsTheStretchDirection() {
    Pca pca = Pca.fit(stretched(20_000, 42), 3);
    float[] first = pca.components()[0];
    for (int j = 0; j < 3; j++) {
      assertEquals(DIRECTION[j], first[j], 1e-3, "component entry " + j);
    }
    float[] mean = pca.mean();
    for (int j = 0; j < 3; j++) {
      assertEquals(10, mean[j], 0.1);
    }
  }

  @Test
  void eigenvaluesDescendAndMatchVariances() {
    double[] variance = Pca.fit(stretched(20_000, 1), 3).explainedVariance();
    assertEquals(3, variance.length);
    assertTrue(variance[0] >= variance[1] && variance[1] >= variance[2], "descending");
    assertEquals(25, variance[0], 1.0);
    assertEquals(0.01, variance[2], 0.002);
  }

  @Test
  void componentsAreOrthonormal() {
    float[][] c = Pca.fit(stretched(2_000, 3), 3).components();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double dot = 0;
        for (int j = 0; j < 3; j++) {
          dot += c[a][j] * c[b][j];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-5, "dot of components " + a + "," + b);
      }
    }
  }

  @Test
  void projectionsHaveZeroMeanAndComponentVariance() {
    float[][] rows = stretched(5_000, 9);
    Pca pca = Pca.fit(rows, 2);
    float[][] projected = pca.project(rows);
    assertEquals(2, projected[0].length);
    double[] variance = pca.explainedVariance();
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      double squares = 0;
      for (float[] p : projected) {
        sum += p[c];
        squares += p[c] * p[c];
      }
      assertEquals(0, sum / rows.length, 1e-3, "mean of component " + c);
      assertEquals(variance[c], squares / (rows.length - 1), variance[c] * 1e-3);
    }
    assertArrayEquals(projected[17], pca.project(rows[17]));
  }

  @Test
  void fitIsDeterministicAndSignFixed() {
    float[][] rows = stretched(3_000, 5);
    float[][] a = Pca.fit(rows, 3).components();
    float[][] b = Pca.fit(rows, 3).components();
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(a[c], b[c]);
      int largest = 0;
      for (int j = 1; j < 3; j++) {
        if (Math.abs(a[c][j]) > Math.abs(a[c][largest])) {
          largest = j;
        }
      }
      assertTrue(a[c][largest] > 0, "largest entry of component " + c + " is positive");
    }
  }

  @Test
  void blockedCovarianceMatchesNaiveOnWideData() {
    Random random = new Random(11);
    int n = 1_003;
    int dim = 20;
    float[][] rows = new float[n][dim];
    for (float[] row : rows) {
      for (int j = 0; j < dim; j++) {
        row[j] = (float) (random.nextGaussian() * (j + 1));
      }
    }
    Pca pca = Pca.fit(rows, dim);
    double total = 0;
    for (double v : pca.explainedVariance()) {
      total += v;
    }
    double[] mean = new double[dim];
    for (float[] row : rows) {
      for (int j = 0; j < dim; j++) {
        mean[j] += row[j] / (double) n;
      }
    }
    double trace = 0;
    for (float[] row : rows) {
      for (int j = 0; j < dim; j++) {
        trace += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1);
      }
    }
    assertEquals(trace, total, trace * 1e-9, "sum of eigenvalues equals covariance trace");
    assertEquals(400, pca.explainedVariance()[0], 60);
  }

  @Test
  void rejectsBadArguments() {
    float[][] rows = stretched(10, 1);
    IllegalArgumentException tooMany =
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(rows, 4));
    assertTrue(tooMany.getMessage().contains("4"), tooMany.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Pca.fit(rows, 0));
    assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[0][], 1));
    assertThrows(
        IllegalArgumentException.class, () -> Pca.fit(new float[][] {{1, 2}, {1, 2, 3}}, 1));
    Pca pca = Pca.fit(rows, 2);
    assertThrows(IllegalArgumentException.class, () -> pca.project(new float[2]));
  }
}
