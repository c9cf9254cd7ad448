package dev.lookalike.eval;

import dev.lookalike.dataset.LabeledImages;
import java.util.function.Consumer;

/**
 * Ranks the queries of one evaluation against its database with one method at a time and scores the
 * ranking: mAP@1000, P@10, P@100 and the time per query.
 */
final class Methods {

  static final int CUTOFF = MetricAccumulator.MAP_CUTOFF;

  /** Ranks every query: one row of database ids per query, best first. */
  interface Ranking {
    int[][] rank();
  }

  private final LabeledImages database;
  private final LabeledImages queries;
  private final ExactRanking exact;
  private final Consumer<String> log;

  Methods(LabeledImages database, LabeledImages queries, ExactRanking exact, Consumer<String> log) {
    this.database = database;
    this.queries = queries;
    this.exact = exact;
    this.log = log;
  }

  ExactRanking exact() {
    return exact;
  }

  LabeledImages database() {
    return database;
  }

  LabeledImages queries() {
    return queries;
  }

  MethodResult l2(String method, String family, Rows rows) {
    return timed(method, family, () -> exact.byL2(rows.database(), rows.queries(), CUTOFF));
  }

  MethodResult cosine(String method, String family, Rows rows) {
    return timed(method, family, () -> exact.byCosine(rows.database(), rows.queries(), CUTOFF));
  }

  MethodResult hamming(String method, String family, Rows.Bits bits) {
    return timed(
        method, family, () -> ExactRanking.byHamming(bits.database(), bits.queries(), CUTOFF));
  }

  /** Times the ranking and scores it against the labels. */
  MethodResult timed(String method, String family, Ranking ranking) {
    long t0 = System.nanoTime();
    int[][] ranked = ranking.rank();
    double ms = (System.nanoTime() - t0) / 1e6 / Math.max(1, queries.size());
    MetricAccumulator metrics = new MetricAccumulator();
    for (int q = 0; q < ranked.length; q++) {
      int[] labels = new int[ranked[q].length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = database.labels()[ranked[q][i]];
      }
      metrics.add(labels, queries.labels()[q]);
    }
    log.accept(String.format("%-32s done", method));
    return MethodResult.of(method, family, metrics.scores(), ms, Double.NaN);
  }

  void log(String line) {
    log.accept(line);
  }
}
