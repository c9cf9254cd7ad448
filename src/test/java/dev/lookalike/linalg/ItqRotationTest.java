package dev.lookalike.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItqRotationTest {

  /** Centred PCA projections of anisotropic, clustered data: a setting where ITQ helps. */
  private static float[][] projectedData(int n, int dim, int bits, long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[10][dim];
    for (float[] centre : centres) {
      for (int j = 0; j < dim; j++) {
        centre[j] = (float) (random.nextGaussian() * 3);
      }
    }
    float[][] rows = new float[n][dim];
    for (float[] row : rows) {
      float[] centre = centres[random.nextInt(centres.length)];
      for (int j = 0; j < dim; j++) {
        row[j] = (float) (centre[j] + random.nextGaussian() / (1 + j));
      }
    }
    return Pca.fit(rows, bits).project(rows);
  }

  private static double quantisationError(float[][] v, float[][] r) {
    double error = 0;
    for (float[] row : v) {
      for (int j = 0; j < r.length; j++) {
        double rotated = 0;
        for (int k = 0; k < row.length; k++) {
          rotated += row[k] * r[k][j];
        }
        double sign = rotated >= 0 ? 1 : -1;
        error += (sign - rotated) * (sign - rotated);
      }
    }
    return error;
  }

  @Test
  void rotationIsOrthogonal() {
    float[][] r = ItqRotation.learn(projectedData(2_000, 32, 16, 1), 50, 7);
    assertEquals(16, r.length);
    for (int a = 0; a < 16; a++) {
      assertEquals(16, r[a].length);
      for (int b = 0; b < 16; b++) {
        double dot = 0;
        for (int k = 0; k < 16; k++) {
          dot += (double) r[a][k] * r[b][k];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-4, "(R Rᵀ)[" + a + "][" + b + "]");
      }
    }
  }

  @Test
  void learningLowersQuantisationError() {
    float[][] v = projectedData(3_000, 32, 16, 2);
    double initial = quantisationError(v, ItqRotation.learn(v, 0, 3));
    double learnt = quantisationError(v, ItqRotation.learn(v, 50, 3));
    assertTrue(
        learnt < 0.95 * initial,
        "error after learning " + learnt + " should be below initial " + initial);
  }

  @Test
  void deterministicForASeed() {
    float[][] v = projectedData(1_000, 16, 8, 4);
    float[][] a = ItqRotation.learn(v, 20, 5);
    float[][] b = ItqRotation.learn(v, 20, 5);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]);
    }
    float[][] other = ItqRotation.learn(v, 0, 6);
    assertFalse(Arrays.deepEquals(ItqRotation.learn(v, 0, 5), other));
  }

  @Test
  void randomRotationIsOrthogonal() {
    float[][] q = ItqRotation.randomRotation(12, 99);
    for (int a = 0; a < 12; a++) {
      for (int b = 0; b < 12; b++) {
        double dot = 0;
        for (int k = 0; k < 12; k++) {
          dot += (double) q[a][k] * q[b][k];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-5);
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> ItqRotation.learn(new float[0][], 5, 1));
    assertThrows(
        IllegalArgumentException.class, () -> ItqRotation.learn(new float[][] {{1, 2}}, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> ItqRotation.randomRotation(0, 1));
  }
}
