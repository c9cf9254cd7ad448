package dev.lookalike.index.lucene;

import java.util.Comparator;

/** A document with its similarity to the query, before stored fields are read. */
record ScoredDoc(int doc, float cosine, int hamming) {

  /** Most similar dense code first, ties by doc id so results are deterministic. */
  static final Comparator<ScoredDoc> BY_COSINE =
      Comparator.comparingDouble((ScoredDoc s) -> -s.cosine()).thenComparingInt(ScoredDoc::doc);

  /** Smallest Hamming distance first, ties by doc id. */
  static final Comparator<ScoredDoc> BY_HAMMING =
      Comparator.comparingInt(ScoredDoc::hamming).thenComparingInt(ScoredDoc::doc);
}
