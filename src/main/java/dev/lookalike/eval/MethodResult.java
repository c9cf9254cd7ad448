package dev.lookalike.eval;

/**
 * The retrieval quality of one method in an evaluation run.
 *
 * @param method what was ranked and how, e.g. {@code PCA-64 L2}
 * @param family {@code baseline} or {@code model}
 * @param msPerQuery mean time to rank the database for one query at the mAP cut-off (k = 1000); for
 *     brute-force methods the block-wise matrix product is divided by the number of queries
 * @param msPerQueryAt10 mean latency of a k = 10 search through the Lucene index, or NaN when the
 *     method is not served by the index
 */
public record MethodResult(
    String method,
    String family,
    double mapAt1000,
    double precisionAt10,
    double precisionAt100,
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
        msPerQuery,
        msAt10);
  }
}
