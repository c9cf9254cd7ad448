package dev.lookalike.bench;

import java.util.List;

/**
 * What a soak run saw.
 *
 * @param intervals one line per report interval, idle phase first
 * @param idleP99Ms search p99 while searches ran alone
 * @param loadedP99Ms search p99 while adds and deletes ran too
 * @param errors failed requests and answers other than the expected status
 * @param expectedCount images before, plus acknowledged adds, minus acknowledged deletes
 * @param finalCount images the server reports at the end
 * @param rssGrowth growth of the server's resident memory from the end of the first loaded interval
 *     to the end, as a share (0.05 = 5 %); NaN when not measured
 */
public record SoakReport(
    List<Interval> intervals,
    double idleP99Ms,
    double loadedP99Ms,
    long errors,
    long expectedCount,
    long finalCount,
    double rssGrowth) {

  /**
   * One report interval.
   *
   * @param seconds time since the start at the interval's end
   * @param loaded whether adds and deletes ran
   * @param rssBytes the server's resident memory, or -1
   */
  public record Interval(
      double seconds,
      boolean loaded,
      int searches,
      double p50Ms,
      double p99Ms,
      int adds,
      int deletes,
      int errors,
      long rssBytes) {}

  /** Nothing failed and every acknowledged change is in the final count. */
  public boolean countExactWithoutErrors() {
    return errors == 0 && expectedCount == finalCount;
  }
}
