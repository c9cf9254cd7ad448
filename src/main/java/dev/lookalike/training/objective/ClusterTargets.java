package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookalike.linalg.SphericalKMeans;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One training run's {@link OverClustering}: a ring of the unit codes of recent training images,
 * spherical k-means centroids fitted on it now and then, and the swapped classification of each
 * batch's images and views into those centroids.
 */
final class ClusterTargets implements Penalty {

  /** Classified into only once the ring holds this many codes (or all it can). */
  static final int LEAST_FILLED = 1024;

  /** Steps between two fits of the centroids: the codes drift as the encoder learns. */
  static final int REFIT_STEPS = 100;

  /** Sinkhorn–Knopp's entropy and rounds, SwAV's values. */
  private static final double EPSILON = 0.05;

  private static final int ROUNDS = 3;

  private final OverClustering settings;
  private final CodeRing support;
  private final int warmUp;
  private long seen;
  private float[][] centroids;
  private int steps;
  private int fits;

  /**
   * @param support how many recent codes the centroids are fitted on
   * @param warmUp images the encoder sees before the term starts: clusters of an untrained
   *     encoder's codes mean nothing, and pulling towards them at a low temperature made one run in
   *     two of the first ones stall or diverge
   */
  ClusterTargets(OverClustering settings, int support, int warmUp) {
    this.settings = settings;
    this.support = new CodeRing(support);
    this.warmUp = warmUp;
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    NDArray anchors = NtXent.unit(input.code());
    NDManager manager = anchors.getManager();
    int rows = (int) anchors.getShape().get(0);
    int dimension = (int) anchors.getShape().get(1);
    float[] values = anchors.toFloatArray();
    NDArray loss = manager.create(0f);
    if (seen >= warmUp && support.size() >= Math.min(LEAST_FILLED, support.capacity())) {
      if (steps++ % REFIT_STEPS == 0) {
        refit();
      }
      NDArray prototypes = manager.create(flat(centroids), new Shape(centroids.length, dimension));
      NDArray anchorScores = anchors.matMul(prototypes.transpose());
      NDArray viewScores = NtXent.unit(input.viewCode()).matMul(prototypes.transpose());
      int[] fromAnchors = confidentAssignments(anchorScores.toFloatArray(), rows, centroids.length);
      int[] fromViews = confidentAssignments(viewScores.toFloatArray(), rows, centroids.length);
      loss =
          crossEntropy(viewScores, fromAnchors)
              .add(crossEntropy(anchorScores, fromViews))
              .mul(settings.weight() / 2);
    }
    support.add(values, rows, dimension);
    seen += rows;
    return loss;
  }

  /** k-means on the ring; clusters under a quarter of their fair share are dropped. */
  private void refit() {
    float[][] codes = support.rows();
    int k = settings.clusters();
    float[][] fitted = SphericalKMeans.centroids(codes, k, fits++);
    int[] counts = new int[fitted.length];
    for (int c : SphericalKMeans.assign(fitted, codes)) {
      counts[c]++;
    }
    int least = codes.length / (4 * k);
    float[][] kept =
        IntStream.range(0, fitted.length)
            .filter(c -> counts[c] >= least)
            .mapToObj(c -> fitted[c])
            .toArray(float[][]::new);
    centroids = kept.length >= 2 ? kept : fitted;
  }

  int clusterCount() {
    return centroids == null ? 0 : centroids.length;
  }

  /**
   * The cluster of each of {@code rows} images given its similarity to each of {@code k} centroids,
   * balanced over the batch (see {@link #balanced}); -1 for the less confident half (the smaller
   * largest share of its balanced assignment).
   */
  static int[] confidentAssignments(float[] scores, int rows, int k) {
    double[] q = balanced(scores, rows, k);
    int[] assigned = new int[rows];
    double[] confidence = new double[rows];
    for (int r = 0; r < rows; r++) {
      double total = 0;
      for (int c = 0; c < k; c++) {
        total += q[r * k + c];
        if (q[r * k + c] > q[r * k + assigned[r]]) {
          assigned[r] = c;
        }
      }
      confidence[r] = total > 0 ? q[r * k + assigned[r]] / total : 0;
    }
    Integer[] byConfidence = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
    Arrays.sort(byConfidence, Comparator.comparingDouble(r -> -confidence[r]));
    for (int i = (rows + 1) / 2; i < rows; i++) {
      assigned[byConfidence[i]] = -1;
    }
    return assigned;
  }

  /**
   * Soft assignments of {@code rows} images to {@code k} clusters (row-major), balanced by
   * Sinkhorn–Knopp so that each cluster takes about the same share of the batch: no cluster can
   * take all.
   */
  static double[] balanced(float[] scores, int rows, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (float s : scores) {
      max = Math.max(max, s);
    }
    double[] q = new double[scores.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = Math.exp((scores[i] - max) / EPSILON);
    }
    for (int round = 0; round < ROUNDS; round++) {
      scale(q, k, rows, 1, k, 1.0 / k); // each cluster's mass 1/k
      scale(q, rows, k, k, 1, 1.0 / rows); // each image's mass 1/rows
    }
    return q;
  }

  /**
   * Scales each of {@code groups} runs of {@code members} entries of {@code q} (the g-th starting
   * at {@code g · groupStride}, {@code memberStride} apart) to sum to {@code mass}.
   */
  private static void scale(
      double[] q, int groups, int members, int groupStride, int memberStride, double mass) {
    for (int g = 0; g < groups; g++) {
      double sum = 0;
      for (int m = 0; m < members; m++) {
        sum += q[g * groupStride + m * memberStride];
      }
      for (int m = 0; m < members && sum > 0; m++) {
        q[g * groupStride + m * memberStride] *= mass / sum;
      }
    }
  }

  /** The mean of -log softmax(scores / τ) at each assigned cluster, over assigned rows. */
  private static NDArray crossEntropy(NDArray scores, int[] assigned) {
    int k = (int) scores.getShape().get(1);
    float[] mask = new float[assigned.length * k];
    int count = 0;
    for (int r = 0; r < assigned.length; r++) {
      if (assigned[r] >= 0) {
        mask[r * k + assigned[r]] = 1;
        count++;
      }
    }
    NDArray picks = scores.getManager().create(mask, scores.getShape());
    return scores
        .div(OverClustering.TEMPERATURE)
        .logSoftmax(1)
        .mul(picks)
        .sum()
        .neg()
        .div(Math.max(1, count));
  }

  private static float[] flat(float[][] rows) {
    float[] flat = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * rows[r].length, rows[r].length);
    }
    return flat;
  }

  @Override
  public String spec() {
    return settings.spec();
  }
}
