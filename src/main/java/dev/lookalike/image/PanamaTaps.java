package dev.lookalike.image;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorLanes}' loop on the Vector API. Only loaded when the JVM runs with {@code
 * --add-modules jdk.incubator.vector} (every launch this project documents does); otherwise the
 * plain loop runs and this class is never loaded.
 */
final class PanamaTaps {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private PanamaTaps() {}

  /**
   * {@code sums[j] += tap * values[j + offset]} for j in [0, n): a multiply, then an add, lane by
   * lane (no fused multiply-add), so every element is rounded as the plain loop rounds it.
   */
  static void addScaled(float[] sums, float[] values, int offset, float tap, int n) {
    int j = 0;
    for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
      FloatVector sum = FloatVector.fromArray(SPECIES, sums, j);
      FloatVector value = FloatVector.fromArray(SPECIES, values, j + offset);
      sum.add(value.mul(tap)).intoArray(sums, j);
    }
    for (; j < n; j++) {
      sums[j] += tap * values[j + offset];
    }
  }
}
