package dev.lookalike.eval;

import java.util.Objects;

/**
 * Adds up per-query metrics and reports their means as {@link RetrievalScores}.
 *
 * <p>Only running sums are kept, so an evaluation over 10,000 queries needs no per-query storage.
 * Not thread-safe: use one accumulator per thread, or add from one thread.
 */
public final class MetricAccumulator {

  /** Cut-off for average precision. */
  public static final int MAP_CUTOFF = 1000;

  /** Small precision cut-off. */
  public static final int PRECISION_CUTOFF_SMALL = 10;

  /** Large precision cut-off. */
  public static final int PRECISION_CUTOFF_LARGE = 100;

  private double apSum;
  private double p10Sum;
  private double p100Sum;
  private double hit1Sum;
  private double hit10Sum;
  private int queries;

  /**
   * Scores one query from its ranked result labels (best first).
   *
   * <p>The list should hold at least {@value #MAP_CUTOFF} items for mAP@1000 to mean what it says.
   */
  public void add(int[] rankedLabels, int queryLabel) {
    Objects.requireNonNull(rankedLabels, "rankedLabels");
    apSum += RankingMetrics.averagePrecisionAt(rankedLabels, queryLabel, MAP_CUTOFF);
    p10Sum += RankingMetrics.precisionAt(rankedLabels, queryLabel, PRECISION_CUTOFF_SMALL);
    p100Sum += RankingMetrics.precisionAt(rankedLabels, queryLabel, PRECISION_CUTOFF_LARGE);
    hit1Sum += RankingMetrics.hitAt(rankedLabels, queryLabel, 1);
    hit10Sum += RankingMetrics.hitAt(rankedLabels, queryLabel, PRECISION_CUTOFF_SMALL);
    queries++;
  }

  /** Returns the number of queries added so far. */
  public int queries() {
    return queries;
  }

  /** Returns the mean scores so far; all zero when no query was added. */
  public RetrievalScores scores() {
    if (queries == 0) {
      return new RetrievalScores(0, 0, 0, 0, 0, 0);
    }
    return new RetrievalScores(
        apSum / queries,
        p10Sum / queries,
        p100Sum / queries,
        hit1Sum / queries,
        hit10Sum / queries,
        queries);
  }
}
