package dev.lookalike.index.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Forward-only readers of one segment's codes. Doc ids passed in must ascend, as doc values and
 * vector iterators only move forward.
 */
final class LeafCodes {

  private final NumericDocValues[] words;
  private final FloatVectorValues vectors;
  private final KnnVectorValues.DocIndexIterator vectorDocs;
  private final SortedNumericDocValues nodes;

  LeafCodes(LeafReader reader, int wordCount) throws IOException {
    words = new NumericDocValues[wordCount];
    for (int w = 0; w < wordCount; w++) {
      words[w] = reader.getNumericDocValues(IndexFields.codeWord(w));
    }
    vectors = reader.getFloatVectorValues(IndexFields.DENSE);
    vectorDocs = vectors == null ? null : vectors.iterator();
    nodes = DocValues.getSortedNumeric(reader, IndexFields.NODE);
  }

  /** The document's node in the neighbour graph, or -1 when it has none. */
  int node(int doc) throws IOException {
    return nodes.advanceExact(doc) ? (int) nodes.nextValue() : -1;
  }

  /** Hamming distance between the document's code and {@code query}. */
  int hamming(int doc, long[] query) throws IOException {
    int distance = 0;
    for (int w = 0; w < words.length; w++) {
      long word = words[w] != null && words[w].advanceExact(doc) ? words[w].longValue() : 0L;
      distance += Long.bitCount(word ^ query[w]);
    }
    return distance;
  }

  /** The document's code words. */
  long[] code(int doc) throws IOException {
    long[] code = new long[words.length];
    for (int w = 0; w < words.length; w++) {
      code[w] = words[w] != null && words[w].advanceExact(doc) ? words[w].longValue() : 0L;
    }
    return code;
  }

  /** The document's dense code, or null when it has none. */
  float[] vector(int doc) throws IOException {
    if (vectorDocs == null) {
      return null;
    }
    int current = vectorDocs.docID();
    if (current < doc) {
      current = vectorDocs.advance(doc);
    }
    return current == doc && current != DocIdSetIterator.NO_MORE_DOCS
        ? vectors.vectorValue(vectorDocs.index())
        : null;
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** The graph node of the live image {@code id}, if there is one. */
  static Optional<Integer> node(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    int doc = top.scoreDocs[0].doc;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int node = new LeafCodes(leaf.reader(), 0).node(doc - leaf.docBase);
    return node < 0 ? Optional.empty() : Optional.of(node);
  }
}
