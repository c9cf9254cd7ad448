package dev.lookalike.graph;

import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.linalg.Vectors;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Spherical k-means (cosine) over unit vectors, trained on a seeded sample: it cuts a collection
 * into cells of similar images for {@link CellNeighbours}. Results depend only on the vectors and
 * the seed, not on the number of threads.
 */
final class SphericalKMeans {

  /** Sampled vectors per centroid: enough to place cells, far fewer than a million images. */
  private static final int SAMPLE_PER_CELL = 64;

  private static final int ITERATIONS = 8;

  private SphericalKMeans() {}

  /** {@code cells} unit centroids (fewer when there are fewer vectors). */
  static float[][] centroids(float[][] vectors, int cells, long seed) {
    Random random = new Random(seed);
    int[] order = SeededSampling.permutation(vectors.length, random);
    int sampleSize = (int) Math.min(vectors.length, (long) cells * SAMPLE_PER_CELL);
    float[][] sample = new float[sampleSize][];
    for (int i = 0; i < sampleSize; i++) {
      sample[i] = vectors[order[i]];
    }
    float[][] centroids = new float[Math.min(cells, sampleSize)][];
    for (int c = 0; c < centroids.length; c++) {
      centroids[c] = sample[c].clone();
    }
    int dim = vectors[0].length;
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      int[] assigned = assign(centroids, sample);
      double[][] sums = new double[centroids.length][dim];
      int[] counts = new int[centroids.length];
      for (int i = 0; i < sample.length; i++) {
        double[] sum = sums[assigned[i]];
        for (int d = 0; d < dim; d++) {
          sum[d] += sample[i][d];
        }
        counts[assigned[i]]++;
      }
      for (int c = 0; c < centroids.length; c++) {
        // An empty cell restarts on a random sampled vector instead of staying wasted.
        centroids[c] =
            counts[c] == 0 ? sample[random.nextInt(sample.length)].clone() : unitOf(sums[c]);
      }
    }
    return centroids;
  }

  /** The nearest centroid of every vector (the largest dot product; the lower index on a tie). */
  static int[] assign(float[][] centroids, float[][] vectors) {
    return IntStream.range(0, vectors.length)
        .parallel()
        .map(i -> nearest(centroids, vectors[i]))
        .toArray();
  }

  private static int nearest(float[][] centroids, float[] vector) {
    int best = 0;
    float bestDot = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      float dot = Vectors.dot(centroids[c], vector);
      if (dot > bestDot) {
        bestDot = dot;
        best = c;
      }
    }
    return best;
  }

  private static float[] unitOf(double[] sum) {
    float[] v = new float[sum.length];
    for (int d = 0; d < sum.length; d++) {
      v[d] = (float) sum[d];
    }
    return Vectors.unit(v);
  }
}
