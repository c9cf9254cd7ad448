package dev.lookalike.eval;

import java.util.Objects;

/**
 * Per-query retrieval metrics where an item is relevant iff its label equals the query's.
 *
 * <p>Definitions follow {@code shared/reference/fashion_mnist_baselines.py} exactly, so numbers
 * from this server can be compared with the published classical baselines.
 */
public final class RankingMetrics {

  private RankingMetrics() {}

  /**
   * Average precision over the top {@code k}: the sum of precision@i at each relevant rank {@code i
   * <= k}, divided by the number of relevant items in the top {@code k} (at least 1).
   *
   * <p>Dividing by the relevant items retrieved (not all relevant items in the database) is the
   * usual "mAP@k" of the hashing literature; a query with no relevant item in the top {@code k}
   * scores 0. A list shorter than {@code k} is scored as far as it goes.
   */
  public static double averagePrecisionAt(int[] rankedLabels, int queryLabel, int k) {
    requireArguments(rankedLabels, k);
    int limit = Math.min(k, rankedLabels.length);
    int hits = 0;
    double sum = 0;
    for (int i = 0; i < limit; i++) {
      if (rankedLabels[i] == queryLabel) {
        hits++;
        sum += (double) hits / (i + 1);
      }
    }
    return sum / Math.max(hits, 1);
  }

  /**
   * Precision at {@code k}: relevant items among the top {@code k}, divided by {@code k}.
   *
   * <p>Always divides by {@code k}, so a list shorter than {@code k} is penalised for what it
   * failed to return.
   */
  public static double precisionAt(int[] rankedLabels, int queryLabel, int k) {
    requireArguments(rankedLabels, k);
    int limit = Math.min(k, rankedLabels.length);
    int hits = 0;
    for (int i = 0; i < limit; i++) {
      if (rankedLabels[i] == queryLabel) {
        hits++;
      }
    }
    return (double) hits / k;
  }

  /**
   * 1 when a relevant item is among the top {@code k}, else 0: averaged over queries, the share of
   * queries whose match is found in the first {@code k} (recall at k when each query has one).
   */
  public static double hitAt(int[] rankedLabels, int queryLabel, int k) {
    requireArguments(rankedLabels, k);
    for (int i = 0; i < Math.min(k, rankedLabels.length); i++) {
      if (rankedLabels[i] == queryLabel) {
        return 1;
      }
    }
    return 0;
  }

  private static void requireArguments(int[] rankedLabels, int k) {
    Objects.requireNonNull(rankedLabels, "rankedLabels");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }
}
