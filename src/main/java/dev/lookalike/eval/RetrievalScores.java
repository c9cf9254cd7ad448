package dev.lookalike.eval;

/**
 * Mean retrieval scores over a set of queries.
 *
 * <p>The same three numbers the reference baselines print, so a run can be placed in that table.
 *
 * @param mapAt1000 mean average precision over the top 1000
 * @param precisionAt10 mean precision at 10
 * @param precisionAt100 mean precision at 100
 * @param hitAt1 share of queries whose first result is relevant
 * @param hitAt10 share of queries with a relevant result in the top 10
 * @param queries number of queries averaged
 */
public record RetrievalScores(
    double mapAt1000,
    double precisionAt10,
    double precisionAt100,
    double hitAt1,
    double hitAt10,
    int queries) {

  /** Validates that the scores are probabilities and the query count is not negative. */
  public RetrievalScores {
    if (queries < 0) {
      throw new IllegalArgumentException("queries must be >= 0, got " + queries);
    }
    requireUnit("mapAt1000", mapAt1000);
    requireUnit("precisionAt10", precisionAt10);
    requireUnit("precisionAt100", precisionAt100);
    requireUnit("hitAt1", hitAt1);
    requireUnit("hitAt10", hitAt10);
  }

  private static void requireUnit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
  }
}
