package dev.lookalike.index.lucene;

import dev.lookalike.graph.CellNeighbours;
import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.graph.Neighbours;
import dev.lookalike.index.GraphLinking;
import dev.lookalike.index.IndexSettings;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.VectorUtil;
import org.jboss.logging.Logger;

/**
 * Keeps an index's {@link NeighbourGraph} true to its codes. Under {@link GraphLinking#ON_ADD} a
 * new image gets its list at once (its nearest among the indexed images, found through HNSW, and
 * among the images added with it or not yet searchable, compared directly) and is offered to the
 * lists of those neighbours; under {@link GraphLinking#ON_CLOSE} it is only numbered, and {@link
 * #linkPending} gives every live image without a list its list later, together. When an image goes,
 * every list that held it is recomputed. Lists are therefore the current k nearest up to the
 * search's recall, with no drift to rebuild away.
 */
final class IndexGraph {

  private static final Logger LOG = Logger.getLogger(IndexGraph.class);

  /**
   * HNSW searches for this many times the degree: with Lucene's beam equal to k, asking for just
   * the degree misses about one true neighbour in twenty-five.
   */
  private static final int SEARCH_FACTOR = 3;

  /**
   * Cells each image is compared with when all lists are computed together: recall@15 0.975 on
   * 100,000 Fashion-MNIST codes, against 0.934 for the lists made one image at a time through HNSW
   * (BENCHMARKS.md, issue 12, sixth part).
   */
  static final int PROBES = 32;

  /**
   * Lists are computed together, all of them, once images without one are at least this share of
   * the collection; fewer are searched one by one.
   */
  private static final int BULK_SHARE = 8;

  private static final long CELL_SEED = 42;

  private final NeighbourGraph graph;
  private final GraphLinking linking;
  private boolean dirty;

  private IndexGraph(NeighbourGraph graph, GraphLinking linking) {
    this.graph = graph;
    this.linking = linking;
  }

  /**
   * The graph saved with the commit, or one rebuilt from the searcher's codes when there is none of
   * this degree or it cannot be read.
   *
   * <p>Images a crash left without a list (a bulk run's) get theirs now, unless this index links on
   * close anyway.
   *
   * @param degree the graph degree wanted; 0 takes the saved graph's (a read-only index)
   */
  static IndexGraph load(
      Directory directory,
      Optional<String> file,
      IndexSearcher searcher,
      int degree,
      GraphLinking linking,
      String where)
      throws IOException {
    IndexGraph loaded = null;
    if (file.isPresent()) {
      try {
        NeighbourGraph saved = GraphFiles.read(directory, file.get());
        if (saved.degree() == degree || degree <= 0) {
          loaded = new IndexGraph(saved, linking);
        } else {
          LOG.infof("index %s: graph degree changes to %d; rebuilding the graph", where, degree);
        }
      } catch (IOException e) {
        LOG.warnf("index %s: graph %s unreadable (%s); rebuilding it", where, file.get(), e);
      }
    }
    if (loaded == null) {
      int rebuiltDegree = degree > 0 ? degree : IndexSettings.DEFAULT_GRAPH_DEGREE;
      loaded = new IndexGraph(new NeighbourGraph(rebuiltDegree), linking);
      loaded.linkPending(searcher); // numbers every live image first: all are pending
    } else if (linking == GraphLinking.ON_ADD) {
      loaded.linkPending(searcher);
    }
    return loaded;
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

  /** Whether images added are linked by {@link #linkPending} when the index closes. */
  boolean linksOnClose() {
    return linking == GraphLinking.ON_CLOSE;
  }

  /**
   * Numbers and links images about to be added, nodes {@link #nextNode()} onwards in order.
   *
   * @param searcher the index before they are added
   * @param ids the images' ids: an indexed image with one of them is replaced, never anyone's
   *     neighbour again
   * @param unrefreshed images written before but perhaps not yet found by the searcher
   * @return the nodes of the images replaced
   */
  Set<Integer> link(
      IndexSearcher searcher, List<String> ids, float[][] vectors, UnrefreshedImages unrefreshed)
      throws IOException {
    Set<Integer> excluded = new HashSet<>();
    for (String id : ids) {
      LeafCodes.node(searcher, id).ifPresent(excluded::add);
    }
    int degree = graph.degree();
    int first = graph.addNodes(vectors.length);
    dirty = true;
    if (linksOnClose()) {
      return excluded; // lists come from linkPending
    }
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
      offerAround(first + i, around[i], excluded);
    }
    return excluded;
  }

  /**
   * Drops removed images and recomputes the lists that held them; returns how many.
   *
   * @param searcher the index after they were removed
   */
  int remove(IndexSearcher searcher, Set<Integer> removed) throws IOException {
    removed.forEach(graph::remove);
    int[] holders = graph.holders(removed);
    for (int holder : holders) {
      repair(searcher, holder);
    }
    dirty |= !removed.isEmpty();
    return holders.length;
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

  /**
   * Gives every live image without a list its list, and returns how many it linked: all lists
   * computed together ({@link CellNeighbours}) when such images are a large share of the
   * collection, otherwise a graph search for each (offered to its neighbours' lists as a new image
   * is). Numbers images the graph has not seen (a rebuild).
   *
   * @param searcher sees every image to link
   */
  int linkPending(IndexSearcher searcher) throws IOException {
    int[] nodes = LiveCodes.nodes(searcher);
    int maxNode = Arrays.stream(nodes).max().orElse(-1);
    if (maxNode >= graph.size()) {
      graph.addNodes(maxNode + 1 - graph.size());
    }
    int pending = 0;
    for (int node : nodes) {
      pending += graph.neighbours(node).size() == 0 ? 1 : 0;
    }
    if (pending == 0 || nodes.length < 2) {
      return 0;
    }
    LiveCodes live = LiveCodes.read(searcher); // the same images, in the same order
    boolean[] unlinked = new boolean[live.size()];
    for (int i = 0; i < live.size(); i++) {
      unlinked[i] = graph.neighbours(live.nodes()[i]).size() == 0;
    }
    LOG.infof("linking %d of %d images into the neighbour graph", pending, live.size());
    if ((long) pending * BULK_SHARE >= live.size()) {
      Neighbours[] lists = CellNeighbours.lists(live.vectors(), graph.degree(), PROBES, CELL_SEED);
      for (int i = 0; i < live.size(); i++) {
        graph.setNeighbours(live.nodes()[i], live.asNodes(lists[i]));
      }
    } else {
      for (int i = 0; i < live.size(); i++) {
        int node = live.nodes()[i];
        if (unlinked[i]) {
          Neighbours around = nearest(searcher, live.vectors()[i], SEARCH_FACTOR * graph.degree());
          graph.setNeighbours(node, around);
          offerAround(node, around, Set.of());
        }
      }
    }
    dirty = true;
    return pending;
  }

  /**
   * Offers a newly linked image to the lists of the images around it (never an excluded one): it
   * may be among the nearest of one that is not among its own, and its whole wider neighbourhood
   * holds those (its reverse neighbours) in practice.
   */
  private void offerAround(int node, Neighbours around, Set<Integer> excluded) {
    for (int e = 0; e < around.size(); e++) {
      int neighbour = around.nodes()[e];
      if (neighbour >= 0 && !excluded.contains(neighbour)) {
        graph.offer(neighbour, node, around.similarities()[e]);
      }
    }
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
