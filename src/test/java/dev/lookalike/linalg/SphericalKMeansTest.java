package dev.lookalike.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SphericalKMeansTest {

  @Test
  void everyVectorGoesToItsMostSimilarCentroid() {
    Random random = new Random(3);
    float[][] vectors = ClusteredCodes.around(1000, 12, 50, random);
    float[][] centroids = ClusteredCodes.around(300, 12, 300, random); // 3 blocks, 1 partial
    int[] assigned = SphericalKMeans.assign(centroids, vectors);
    for (int v = 0; v < vectors.length; v++) {
      int best = 0;
      for (int c = 1; c < centroids.length; c++) {
        if (dot(centroids[c], vectors[v]) > dot(centroids[best], vectors[v])) {
          best = c;
        }
      }
      assertEquals(
          dot(centroids[best], vectors[v]), dot(centroids[assigned[v]], vectors[v]), 1e-5f);
    }
  }

  @Test
  void wellSeparatedGroupsEachFillCellsOfTheirOwn() {
    Random random = new Random(4);
    int groups = 6;
    float[][] vectors = new float[3000][];
    int[] group = new int[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      group[i] = i % groups;
      float[] v = new float[8];
      v[group[i]] = 1;
      for (int d = 0; d < v.length; d++) {
        v[d] += (float) (0.05 * random.nextGaussian());
      }
      vectors[i] = dev.lookalike.linalg.Vectors.unit(v);
    }
    int[] cells = SphericalKMeans.assign(SphericalKMeans.centroids(vectors, 12, 42), vectors);
    Set<Integer>[] cellsOfGroup = new Set[groups];
    Set<Integer> seen = new HashSet<>();
    for (int g = 0; g < groups; g++) {
      cellsOfGroup[g] = new HashSet<>();
    }
    for (int i = 0; i < vectors.length; i++) {
      cellsOfGroup[group[i]].add(cells[i]);
    }
    for (Set<Integer> own : cellsOfGroup) {
      for (int cell : own) {
        assertEquals(true, seen.add(cell), "a cell shared by two groups: " + cell);
      }
    }
  }

  private static float dot(float[] a, float[] b) {
    return Vectors.dot(a, b);
  }
}
