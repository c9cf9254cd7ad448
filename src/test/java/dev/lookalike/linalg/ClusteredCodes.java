package dev.lookalike.linalg;

import java.util.Random;

/** Test data: unit codes gathered around a few random directions, as real codes gather. */
public final class ClusteredCodes {

  private ClusteredCodes() {}

  /** Unit codes around {@code centres} random directions. */
  public static float[][] around(int count, int dim, int centres, Random random) {
    float[][] centre = new float[centres][dim];
    for (float[] c : centre) {
      for (int d = 0; d < dim; d++) {
        c[d] = (float) random.nextGaussian();
      }
    }
    float[][] codes = new float[count][dim];
    for (float[] code : codes) {
      float[] c = centre[random.nextInt(centres)];
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        code[d] = (float) (c[d] + 0.5 * random.nextGaussian());
        norm += code[d] * code[d];
      }
      for (int d = 0; d < dim; d++) {
        code[d] /= (float) Math.sqrt(norm);
      }
    }
    return codes;
  }
}
