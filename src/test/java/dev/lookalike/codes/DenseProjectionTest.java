package dev.lookalike.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseProjectionTest {

  /** Standard deviations of the four independent axes of {@link #anisotropic}. */
  private static final double[] STD = {10, 3, 1, 0.1};

  /** Rows whose axes have standard deviations {@link #STD}, turned by a fixed rotation. */
  static float[][] anisotropic(int count, long seed) {
    Random random = new Random(seed);
    double angle = 0.7;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      double[] x = new double[STD.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = STD[j] * random.nextGaussian();
      }
      // rotate the first two axes and shift everything: the fit must undo both
      rows[i] =
          new float[] {
            (float) (cos * x[0] - sin * x[1] + 5),
            (float) (sin * x[0] + cos * x[1] - 2),
            (float) (x[2] + 1),
            (float) x[3]
          };
    }
    return rows;
  }

  private static double[] variances(float[][] rows) {
    int dim = rows[0].length;
    double[] mean = new double[dim];
    for (float[] row : rows) {
      for (int j = 0; j < dim; j++) {
        mean[j] += row[j] / (double) rows.length;
      }
    }
    double[] variance = new double[dim];
    for (float[] row : rows) {
      for (int j = 0; j < dim; j++) {
        variance[j] += Math.pow(row[j] - mean[j], 2) / rows.length;
      }
    }
    return variance;
  }

  private static float[][] applied(DenseProjection projection, float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = projection.apply(rows[i]);
    }
    return out;
  }

  @Test
  void fullWhiteningGivesEveryAxisUnitVariance() {
    float[][] rows = anisotropic(20_000, 1);
    double[] variance = variances(applied(DenseProjection.whitening(rows, 1.0), rows));
    for (double v : variance) {
      assertEquals(1.0, v, 0.02);
    }
  }

  @Test
  void halfWhiteningLeavesEachAxisItsStandardDeviationAsVariance() {
    float[][] rows = anisotropic(20_000, 2);
    double[] variance = variances(applied(DenseProjection.whitening(rows, 0.5), rows));
    // sorted by principal axis: var^(1 - 0.5) = std
    for (int j = 0; j < STD.length; j++) {
      assertEquals(STD[j], variance[j], STD[j] * 0.05, "axis " + j);
    }
  }

  @Test
  void survivesJson() throws Exception {
    DenseProjection projection = DenseProjection.whitening(anisotropic(500, 3), 0.5);
    ObjectMapper json = new ObjectMapper();
    DenseProjection read =
        json.readValue(json.writeValueAsString(projection), DenseProjection.class);
    assertEquals(projection, read);
    float[] latent = {1, 2, 3, 4};
    assertArrayEquals(projection.apply(latent), read.apply(latent));
  }

  @Test
  void refusesWhatItCannotUse() {
    float[][] rows = anisotropic(100, 4);
    for (double power : new double[] {0, -0.5, 1.5, Double.NaN}) {
      assertThrows(
          IllegalArgumentException.class, () -> DenseProjection.whitening(rows, power), "" + power);
    }
    DenseProjection projection = DenseProjection.whitening(rows, 0.5);
    assertThrows(IllegalArgumentException.class, () -> projection.apply(new float[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DenseProjection(0.5, new float[2], new float[][] {{1, Float.NaN}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DenseProjection(0.5, new float[2], new float[][] {{1, 2, 3}}));
  }
}
