package dev.lookalike.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatentSpectrumTest {

  @Test
  void independentUnitsShareTheVarianceAndDoNotCorrelate() {
    Random random = new Random(1);
    float[][] rows = new float[5000][8];
    for (float[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    LatentSpectrum spectrum = LatentSpectrum.of(rows);
    assertEquals(1.0 / 8, spectrum.firstComponentShare(), 0.03);
    assertTrue(spectrum.meanAbsCorrelation() < 0.03, "" + spectrum);
  }

  @Test
  void collapsedCodesPutAllVarianceOnOneAxis() {
    Random random = new Random(2);
    float[][] rows = new float[5000][8];
    for (float[] row : rows) {
      double t = random.nextGaussian();
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) (t * (j + 1) + 0.01 * random.nextGaussian());
      }
    }
    LatentSpectrum spectrum = LatentSpectrum.of(rows);
    assertTrue(spectrum.firstComponentShare() > 0.99, "" + spectrum);
    assertTrue(spectrum.meanAbsCorrelation() > 0.99, "" + spectrum);
  }
}
