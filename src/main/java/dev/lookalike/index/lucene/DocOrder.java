package dev.lookalike.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * Visits ranked documents in doc-id order, segment by segment: doc values and vector readers only
 * move forward, so a ranking is read sorted by doc and each answer goes back to its rank.
 */
final class DocOrder {

  private DocOrder() {}

  interface Visitor {
    /**
     * @param rank the document's position in the ranking
     * @param codes the readers of its segment
     * @param leafDoc its doc id within the segment
     */
    void visit(int rank, LeafCodes codes, int leafDoc) throws IOException;
  }

  /** Visits every document of {@code ranked} with readers of {@code words} code words. */
  static void visit(IndexSearcher searcher, List<ScoredDoc> ranked, int words, Visitor visitor)
      throws IOException {
    Integer[] byDoc = new Integer[ranked.size()];
    for (int i = 0; i < byDoc.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> ranked.get(i).doc()));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    LeafCodes codes = null;
    for (int i : byDoc) {
      int doc = ranked.get(i).doc();
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        codes = new LeafCodes(leaf.reader(), words);
      }
      visitor.visit(i, codes, doc - leaf.docBase);
    }
  }
}
