package dev.lookalike.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotBlock}'s kernel on the Vector API. Only loaded when the JVM runs with {@code
 * --add-modules jdk.incubator.vector} (every launch this project documents does); otherwise {@link
 * DotBlock} falls back to plain loops and never loads this class.
 */
final class PanamaDots {

  private PanamaDots() {}

  /** Four queries at a time share each load of the block; the rest one by one. */
  static void dots(float[] columns, int dim, int width, float[][] queries, float[][] out) {
    VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
    int q = 0;
    for (; q + 4 <= queries.length; q += 4) {
      float[] q0 = queries[q];
      float[] q1 = queries[q + 1];
      float[] q2 = queries[q + 2];
      float[] q3 = queries[q + 3];
      for (int j = 0; j < width; j += species.length()) {
        FloatVector a0 = FloatVector.zero(species);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int d = 0; d < dim; d++) {
          FloatVector b = FloatVector.fromArray(species, columns, d * width + j);
          a0 = b.fma(FloatVector.broadcast(species, q0[d]), a0);
          a1 = b.fma(FloatVector.broadcast(species, q1[d]), a1);
          a2 = b.fma(FloatVector.broadcast(species, q2[d]), a2);
          a3 = b.fma(FloatVector.broadcast(species, q3[d]), a3);
        }
        a0.intoArray(out[q], j);
        a1.intoArray(out[q + 1], j);
        a2.intoArray(out[q + 2], j);
        a3.intoArray(out[q + 3], j);
      }
    }
    for (; q < queries.length; q++) {
      float[] query = queries[q];
      for (int j = 0; j < width; j += species.length()) {
        FloatVector a = FloatVector.zero(species);
        for (int d = 0; d < dim; d++) {
          a =
              FloatVector.fromArray(species, columns, d * width + j)
                  .fma(FloatVector.broadcast(species, query[d]), a);
        }
        a.intoArray(out[q], j);
      }
    }
  }
}
