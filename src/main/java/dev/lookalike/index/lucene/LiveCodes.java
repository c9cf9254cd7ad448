package dev.lookalike.index.lucene;

import dev.lookalike.graph.Neighbours;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * The graph node and dense code of every live image a searcher sees, read into memory (64 floats
 * per image: 256 MB at a million) for computing neighbour lists together.
 */
record LiveCodes(int[] nodes, float[][] vectors) {

  /** Every live image's node and code. */
  static LiveCodes read(IndexSearcher searcher) throws IOException {
    return read(searcher, true);
  }

  /** Every live image's node, without codes (the doc values alone: cheap at a million). */
  static int[] nodes(IndexSearcher searcher) throws IOException {
    return read(searcher, false).nodes();
  }

  private static LiveCodes read(IndexSearcher searcher, boolean withCodes) throws IOException {
    int capacity = searcher.getIndexReader().numDocs();
    int[] nodes = new int[capacity];
    float[][] vectors = new float[capacity][];
    int count = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.DENSE);
      if (values == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      LeafCodes codes = new LeafCodes(leaf.reader(), 0);
      var docs = values.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        int node = codes.node(doc);
        if ((live == null || live.get(doc)) && node >= 0 && count < capacity) {
          nodes[count] = node;
          vectors[count++] = withCodes ? values.vectorValue(docs.index()).clone() : null;
        }
      }
    }
    return new LiveCodes(Arrays.copyOf(nodes, count), Arrays.copyOf(vectors, count));
  }

  int size() {
    return nodes.length;
  }

  /** A list whose neighbours are positions in this set, renumbered as graph nodes. */
  Neighbours asNodes(Neighbours byPosition) {
    int[] mapped = new int[byPosition.size()];
    for (int e = 0; e < mapped.length; e++) {
      mapped[e] = nodes[byPosition.nodes()[e]];
    }
    return new Neighbours(mapped, byPosition.similarities());
  }
}
