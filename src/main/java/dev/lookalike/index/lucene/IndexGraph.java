package dev.lookalike.index.lucene;

import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.graph.Neighbours;
import dev.lookalike.index.IndexSettings;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;
import org.jboss.logging.Logger;

/**
 * Keeps an index's {@link NeighbourGraph} true to its codes: a new image gets its list at once (its
 * nearest among the indexed images, found through HNSW, and among the images added with it or not
 * yet searchable, compared directly) and is offered to the lists of those neighbours; when an image
 * goes, every list that held it is recomputed. Lists are therefore the current k nearest up to
 * HNSW's recall, with no drift to rebuild away; a full rebuild from the codes happens only when no
 * graph file can be read.
 */
final class IndexGraph {

  private static final Logger LOG = Logger.getLogger(IndexGraph.class);

  /**
   * HNSW searches for this many times the degree: with Lucene's beam equal to k, asking for just
   * the degree misses about one true neighbour in twenty-five.
   */
  private static final int SEARCH_FACTOR = 3;

  private final NeighbourGraph graph;
  private boolean dirty;

  private IndexGraph(NeighbourGraph graph, boolean dirty) {
    this.graph = graph;
    this.dirty = dirty;
  }

  /**
   * The graph saved with the commit, or one rebuilt from the searcher's codes when there is none of
   * this degree or it cannot be read.
   *
   * @param degree the graph degree wanted; 0 takes the saved graph's (a read-only index)
   */
  static IndexGraph load(
      Directory directory, Optional<String> file, IndexSearcher searcher, int degree, String where)
      throws IOException {
    if (file.isPresent()) {
      try {
        NeighbourGraph saved = GraphFiles.read(directory, file.get());
        if (saved.degree() == degree || degree <= 0) {
          return new IndexGraph(saved, false);
        }
        LOG.infof("index %s: graph degree changes to %d; rebuilding the graph", where, degree);
      } catch (IOException e) {
        LOG.warnf("index %s: graph %s unreadable (%s); rebuilding it", where, file.get(), e);
      }
    }
    IndexGraph rebuilt =
        new IndexGraph(
            new NeighbourGraph(degree > 0 ? degree : IndexSettings.DEFAULT_GRAPH_DEGREE), false);
    rebuilt.rebuild(searcher);
    return rebuilt;
  }

  NeighbourGraph graph() {
    return graph;
  }

  /** Whether lists changed since the last {@link #saved()}. */
  boolean dirty() {
    return dirty;
  }

  void saved() {
    dirty = false;
  }

  /** The number the next added image gets. */
  int nextNode() {
    return graph.size();
  }

  /**
   * Numbers and links images about to be added, nodes {@link #nextNode()} onwards in order.
   *
   * @param searcher the index before they are added
   * @param excluded nodes the new images replace: never anyone's neighbour again
   * @param unrefreshed images written before but perhaps not yet found by the searcher
   */
  void link(
      IndexSearcher searcher,
      float[][] vectors,
      Set<Integer> excluded,
      UnrefreshedImages unrefreshed)
      throws IOException {
    int degree = graph.degree();
    int first = graph.addNodes(vectors.length);
    Neighbours.Nearest[] lists = new Neighbours.Nearest[vectors.length];
    Neighbours[] around = new Neighbours[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      lists[i] = new Neighbours.Nearest(first + i, degree);
      around[i] = nearest(searcher, vectors[i], SEARCH_FACTOR * degree);
      for (int e = 0; e < around[i].size(); e++) {
        if (!excluded.contains(around[i].nodes()[e])) {
          lists[i].offer(around[i].nodes()[e], around[i].similarities()[e]);
        }
      }
    }
    for (int i = 0; i < vectors.length; i++) {
      for (int j = i + 1; j < vectors.length; j++) {
        float similarity = VectorUtil.dotProduct(vectors[i], vectors[j]);
        lists[i].offer(first + j, similarity);
        lists[j].offer(first + i, similarity);
      }
      for (int u = 0; u < unrefreshed.size(); u++) {
        float similarity = VectorUtil.dotProduct(vectors[i], unrefreshed.vector(u));
        lists[i].offer(unrefreshed.node(u), similarity);
        graph.offer(unrefreshed.node(u), first + i, similarity);
      }
    }
    for (int i = 0; i < vectors.length; i++) {
      graph.setNeighbours(first + i, lists[i].neighbours());
      // An image may be among the nearest of one that is not among its own: offer it to its
      // whole wider neighbourhood, which holds those (its reverse neighbours) in practice.
      for (int e = 0; e < around[i].size(); e++) {
        int neighbour = around[i].nodes()[e];
        if (neighbour >= 0 && !excluded.contains(neighbour)) {
          graph.offer(neighbour, first + i, around[i].similarities()[e]);
        }
      }
    }
    dirty = true;
  }

  /**
   * Drops removed images and recomputes the lists that held them.
   *
   * @param searcher the index after they were removed
   */
  void remove(IndexSearcher searcher, Set<Integer> removed) throws IOException {
    removed.forEach(graph::remove);
    for (int holder : graph.holders(removed)) {
      repair(searcher, holder);
    }
    dirty |= !removed.isEmpty();
  }

  private void repair(IndexSearcher searcher, int node) throws IOException {
    TopDocs hit = searcher.search(IndexFields.nodeQuery(node), 1);
    if (hit.scoreDocs.length == 0) {
      return; // itself removed since
    }
    int doc = hit.scoreDocs[0].doc;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    float[] vector = new LeafCodes(leaf.reader(), 0).vector(doc - leaf.docBase);
    if (vector != null) {
      graph.setNeighbours(node, nearest(searcher, vector.clone(), SEARCH_FACTOR * graph.degree()));
    }
  }

  /** Every live image's list, from its codes: for an index whose graph file is gone. */
  private void rebuild(IndexSearcher searcher) throws IOException {
    int maxNode = -1;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafCodes codes = new LeafCodes(leaf.reader(), 0);
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        maxNode = Math.max(maxNode, codes.node(doc));
      }
    }
    if (maxNode < 0) {
      return;
    }
    LOG.infof("rebuilding the neighbour graph of %d images", maxNode + 1);
    graph.addNodes(maxNode + 1);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      FloatVectorValues vectors = reader.getFloatVectorValues(IndexFields.DENSE);
      if (vectors == null) {
        continue;
      }
      Bits live = reader.getLiveDocs();
      LeafCodes codes = new LeafCodes(reader, 0);
      var docs = vectors.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        int node = codes.node(doc);
        if ((live == null || live.get(doc)) && node >= 0) {
          float[] vector = vectors.vectorValue(docs.index()).clone();
          graph.setNeighbours(node, nearest(searcher, vector, SEARCH_FACTOR * graph.degree()));
        }
      }
    }
    dirty = true;
  }

  /** The {@code k} nearest live images by HNSW, as nodes with their cosine. */
  private static Neighbours nearest(IndexSearcher searcher, float[] vector, int k)
      throws IOException {
    TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.DENSE, vector, k), k);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int[] nodes = new int[top.scoreDocs.length];
    float[] sims = new float[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      nodes[i] = new LeafCodes(leaf.reader(), 0).node(sd.doc - leaf.docBase);
      // Lucene scores a dot product d as (1 + d) / 2.
      sims[i] = 2f * sd.score - 1f;
    }
    return new Neighbours(nodes, sims);
  }
}
