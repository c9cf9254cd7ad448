package dev.lookalike.linalg;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Spherical k-means (cosine) over unit vectors, trained on a seeded sample: it cuts a collection
 * into cells of similar images (the neighbour graph's cells, the over-clustering of training).
 * Results depend only on the vectors and the seed, not on the number of threads.
 */
public final class SphericalKMeans {

  /** Sampled vectors per centroid: enough to place cells, far fewer than a million images. */
  private static final int SAMPLE_PER_CELL = 64;

  private static final int ITERATIONS = 8;

  private static final int GROUP = 64;

  private SphericalKMeans() {}

  /** {@code cells} unit centroids (fewer when there are fewer vectors). */
  public static float[][] centroids(float[][] vectors, int cells, long seed) {
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

  /**
   * The nearest centroid of every vector (the largest dot product; the lower index on a tie),
   * {@link #GROUP} vectors at a time against blocks of centroids.
   */
  public static int[] assign(float[][] centroids, float[][] vectors) {
    DotBlock[] blocks = new DotBlock[Math.ceilDiv(centroids.length, DotBlock.WIDTH)];
    int[] all = IntStream.range(0, centroids.length).toArray();
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = new DotBlock(centroids[0].length);
      int from = b * DotBlock.WIDTH;
      blocks[b].load(centroids, all, from, Math.min(DotBlock.WIDTH, centroids.length - from));
    }
    int[] assigned = new int[vectors.length];
    // Loaded blocks are only read from here on, so the threads share them.
    IntStream.range(0, Math.ceilDiv(vectors.length, GROUP))
        .parallel()
        .forEach(group -> assign(blocks, vectors, group * GROUP, assigned));
    return assigned;
  }

  private static void assign(DotBlock[] blocks, float[][] vectors, int from, int[] assigned) {
    float[][] group = Arrays.copyOfRange(vectors, from, Math.min(vectors.length, from + GROUP));
    float[][] dots = new float[group.length][DotBlock.WIDTH];
    float[] best = new float[group.length];
    Arrays.fill(best, Float.NEGATIVE_INFINITY);
    for (int b = 0; b < blocks.length; b++) {
      blocks[b].dots(group, dots);
      for (int v = 0; v < group.length; v++) {
        for (int j = 0; j < blocks[b].size(); j++) {
          if (dots[v][j] > best[v]) {
            best[v] = dots[v][j];
            assigned[from + v] = b * DotBlock.WIDTH + j;
          }
        }
      }
    }
  }

  private static float[] unitOf(double[] sum) {
    float[] v = new float[sum.length];
    for (int d = 0; d < sum.length; d++) {
      v[d] = (float) sum[d];
    }
    return Vectors.unit(v);
  }
}
