package dev.lookalike.eval;

import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.Expansion;
import dev.lookalike.generative.QueryExpansion;
import dev.lookalike.image.FloatImage;
import dev.lookalike.search.NeighbourExpansion;
import java.util.List;

/**
 * The two query expansions the server offers, measured by running the served code ({@link
 * QueryExpansion}, {@link NeighbourExpansion}) on exact dense rankings.
 */
final class Expansions {

  private Expansions() {}

  /**
   * Dense cosine ranking with each query replaced by the mean of it and its VAE variants; the
   * latency column holds the per-query cost of making the expanded query (augment + encode).
   */
  static MethodResult generated(
      Methods methods, CodeModel model, Augmenter augmenter, Expansion expansion, Rows dense) {
    LabeledImages queries = methods.queries();
    methods.log(
        "expanding "
            + queries.size()
            + " queries with "
            + expansion.variants()
            + " VAE variants each");
    float[][] expanded = new float[queries.size()][];
    long t0 = System.nanoTime();
    for (int q = 0; q < queries.size(); q++) {
      FloatImage query = queries.images().get(q);
      List<FloatImage> variants =
          augmenter.augment(query, expansion.variants(), expansion.temperature(), expansion.seed());
      expanded[q] = QueryExpansion.dense(model, QueryExpansion.inputs(query, variants));
    }
    double expansionMs = (System.nanoTime() - t0) / 1e6 / queries.size();
    MethodResult ranked =
        methods.cosine(
            "DAE dense exact + VAE expansion (n="
                + expansion.variants()
                + ", T="
                + expansion.temperature()
                + ")",
            "model",
            new Rows(dense.database(), expanded));
    return ranked.withMsPerQueryAt10(expansionMs);
  }

  /**
   * Dense cosine ranking re-ranked by α-query expansion: a first exact search for the top {@code
   * depth}, the expanded query, a second exact search. The time is that of both searches.
   */
  static MethodResult neighbours(Methods methods, Rows dense, NeighbourExpansion expansion) {
    float[][] database = dense.database();
    float[][] queries = dense.queries();
    return methods.timed(
        "DAE dense exact + αQE (depth " + expansion.depth() + ", α " + expansion.alpha() + ")",
        "model",
        () -> {
          int[][] first = methods.exact().byCosine(database, queries, expansion.depth());
          float[][] expanded = new float[queries.length][];
          for (int q = 0; q < queries.length; q++) {
            float[][] neighbours = new float[first[q].length][];
            for (int i = 0; i < neighbours.length; i++) {
              neighbours[i] = database[first[q][i]];
            }
            expanded[q] = expansion.expand(queries[q], neighbours);
          }
          return methods.exact().byCosine(database, expanded, Methods.CUTOFF);
        });
  }
}
