package dev.lookalike.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private static final int[] RANKED = {1, 0, 1, 1, 0};

  @Test
  void averagePrecisionOnHandComputedCase() {
    // hits at ranks 1, 3, 4: precisions 1/1, 2/3, 3/4
    assertEquals((1 + 2.0 / 3 + 0.75) / 3, RankingMetrics.averagePrecisionAt(RANKED, 1, 5), 1e-12);
    assertEquals(0.8056, RankingMetrics.averagePrecisionAt(RANKED, 1, 5), 1e-4);
    // top 3: hits at 1 and 3
    assertEquals((1 + 2.0 / 3) / 2, RankingMetrics.averagePrecisionAt(RANKED, 1, 3), 1e-12);
    // label 0: hits at ranks 2 and 5: 1/2, 2/5
    assertEquals((0.5 + 0.4) / 2, RankingMetrics.averagePrecisionAt(RANKED, 0, 5), 1e-12);
    // k beyond the list scores what is there
    assertEquals(
        RankingMetrics.averagePrecisionAt(RANKED, 1, 5),
        RankingMetrics.averagePrecisionAt(RANKED, 1, 1000),
        0);
  }

  @Test
  void noRelevantItemScoresZero() {
    assertEquals(0, RankingMetrics.averagePrecisionAt(RANKED, 7, 5));
    assertEquals(0, RankingMetrics.averagePrecisionAt(new int[0], 7, 5));
    assertEquals(0, RankingMetrics.precisionAt(RANKED, 7, 5));
  }

  @Test
  void precisionAtK() {
    assertEquals(0.5, RankingMetrics.precisionAt(RANKED, 1, 2));
    assertEquals(1.0, RankingMetrics.precisionAt(RANKED, 1, 1));
    assertEquals(0.6, RankingMetrics.precisionAt(RANKED, 1, 5), 1e-12);
    // a short list is penalised: 3 hits out of k = 10
    assertEquals(0.3, RankingMetrics.precisionAt(RANKED, 1, 10), 1e-12);
  }

  @Test
  void rejectsBadK() {
    assertThrows(
        IllegalArgumentException.class, () -> RankingMetrics.averagePrecisionAt(RANKED, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.precisionAt(RANKED, 1, -1));
  }

  @Test
  void accumulatorAveragesQueries() {
    MetricAccumulator accumulator = new MetricAccumulator();
    assertEquals(new RetrievalScores(0, 0, 0, 0, 0, 0), accumulator.scores());
    int[] allRelevant = new int[1000];
    int[] alternating = new int[1000];
    for (int i = 0; i < alternating.length; i++) {
      alternating[i] = i % 2;
    }
    accumulator.add(allRelevant, 0);
    accumulator.add(alternating, 1);
    RetrievalScores scores = accumulator.scores();
    assertEquals(2, scores.queries());
    assertEquals((1 + 0.5) / 2, scores.precisionAt10(), 1e-12);
    assertEquals((1 + 0.5) / 2, scores.precisionAt100(), 1e-12);
    double alternatingAp = RankingMetrics.averagePrecisionAt(alternating, 1, 1000);
    assertEquals((1 + alternatingAp) / 2, scores.mapAt1000(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new RetrievalScores(1.5, 0, 0, 0, 0, 1));
  }
}
