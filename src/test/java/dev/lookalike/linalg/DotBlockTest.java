package dev.lookalike.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DotBlockTest {

  private final Random random = new Random(11);

  @Test
  void everyQueryGetsItsDotProductWithEveryLoadedVector() {
    int dim = 40;
    float[][] vectors = vectors(300, dim);
    int[] ids = new int[vectors.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ids.length - 1 - i; // loaded through the ids, not in storage order
    }
    float[][] queries = vectors(7, dim); // four at a time, then three one by one
    DotBlock block = new DotBlock(dim);
    float[][] out = new float[queries.length][DotBlock.WIDTH];
    // A full block, then a partial one: what the first left beyond the second must not show.
    for (int[] load : new int[][] {{0, DotBlock.WIDTH}, {DotBlock.WIDTH, 37}}) {
      block.load(vectors, ids, load[0], load[1]);
      assertEquals(load[1], block.size());
      block.dots(queries, out);
      for (int q = 0; q < queries.length; q++) {
        for (int j = 0; j < DotBlock.WIDTH; j++) {
          float expected = j < load[1] ? direct(queries[q], vectors[ids[load[0] + j]]) : 0f;
          assertEquals(expected, out[q][j], 1e-4f, "query " + q + ", vector " + j);
        }
      }
    }
  }

  @Test
  void aBlockHoldsAtMostItsWidth() {
    DotBlock block = new DotBlock(4);
    float[][] vectors = vectors(DotBlock.WIDTH + 1, 4);
    int[] ids = new int[vectors.length];
    assertThrows(
        IllegalArgumentException.class, () -> block.load(vectors, ids, 0, DotBlock.WIDTH + 1));
  }

  private float[][] vectors(int count, int dim) {
    float[][] v = new float[count][dim];
    for (float[] row : v) {
      for (int d = 0; d < dim; d++) {
        row[d] = (float) random.nextGaussian();
      }
    }
    return v;
  }

  private static float direct(float[] a, float[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      sum += (double) a[d] * b[d];
    }
    return (float) sum;
  }
}
