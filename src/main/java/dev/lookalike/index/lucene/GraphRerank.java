package dev.lookalike.index.lucene;

import dev.lookalike.graph.Diffusion;
import dev.lookalike.graph.DiffusionParams;
import dev.lookalike.graph.NeighbourGraph;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/** Diffusion mode: a cosine shortlist re-ranked by {@link Diffusion} over the neighbour graph. */
final class GraphRerank {

  private final IndexSearcher searcher;
  private final NeighbourGraph graph;

  GraphRerank(IndexSearcher searcher, NeighbourGraph graph) {
    this.searcher = searcher;
    this.graph = graph;
  }

  /**
   * The first {@code window} of the shortlist in {@link Diffusion#order}.
   *
   * @param shortlist the nearest documents, most similar cosine first
   */
  List<ScoredDoc> rerank(List<ScoredDoc> shortlist, int window, DiffusionParams params)
      throws IOException {
    int m = shortlist.size();
    float[] cosines = new float[m];
    for (int i = 0; i < m; i++) {
      cosines[i] = shortlist.get(i).cosine();
    }
    int[] order =
        Diffusion.order(Diffusion.scores(graph, nodes(shortlist), cosines, params), params.kept());
    ScoredDoc[] ranked = new ScoredDoc[Math.min(window, m)];
    for (int i = 0; i < ranked.length; i++) {
      ranked[i] = shortlist.get(order[i]);
    }
    return List.of(ranked);
  }

  /** The graph node of each document. */
  private int[] nodes(List<ScoredDoc> docs) throws IOException {
    int[] nodes = new int[docs.size()];
    DocOrder.visit(searcher, docs, 0, (rank, codes, leafDoc) -> nodes[rank] = codes.node(leafDoc));
    return nodes;
  }
}
