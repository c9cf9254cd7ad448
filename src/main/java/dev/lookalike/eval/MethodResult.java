package dev.lookalike.eval;

/**
 * The retrieval quality of one method in an evaluation run.
 *
 * @param method what was ranked and how, e.g. {@code PCA-64 L2}
 * @param family {@code baseline} or {@code model}
 * @param hitAt1 share of queries whose first result is relevant (an edited copy's original)
 * @param hitAt10 share of queries with a relevant result in the top 10 (recall at 10 when a query
 *     has one relevant image, as in cross-collection evaluation by name)
 * @param msPerQuery mean time to rank the database for one query at the mAP cut-off (k = 1000); for
 *     brute-force methods the block-wise matrix product is divided by the number of queries
 * @param hitAt1 share of queries whose first result is relevant (an edited copy's original)
 * @param hitAt10 share of queries with a relevant result in the top 10 (recall at 10 when a query
 *     has one relevant image, as in cross-collection evaluation by name)
 * @param msPerQueryAt10 mean latency of a k = 10 search through the Lucene index, or NaN when the
 *     method is not served by the index
 */
public record MethodResult(
    String method,
    String family,
    double mapAt1000,
    double precisionAt10,
    double precisionAt100,
    double hitAt1,
    double hitAt10,
    double msPerQuery,
    double msPerQueryAt10) {

  static MethodResult of(
      String method, String family, RetrievalScores scores, double msPerQuery, double msAt10) {
    return new MethodResult(
        method,
        family,
        scores.mapAt1000(),
        scores.precisionAt10(),
        scores.precisionAt100(),
        scores.hitAt1(),
        scores.hitAt10(),
        msPerQuery,
        msAt10);
  }

  /** A row with no quality measured, only the latency of a k = 10 search. */
  static MethodResult latencyOnly(String method, String family, double msAt10) {
    double none = Double.NaN;
    return new MethodResult(method, family, none, none, none, none, none, none, msAt10);
  }

  /** The same row with another k = 10 latency. */
  MethodResult withMsPerQueryAt10(double msAt10) {
    return new MethodResult(
        method,
        family,
        mapAt1000,
        precisionAt10,
        precisionAt100,
        hitAt1,
        hitAt10,
        msPerQuery,
        msAt10);
  }
}
