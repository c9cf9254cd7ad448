package dev.lookalike.index.lucene;

import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.codes.Codes;
import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.index.BucketTerms;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The search modes over one point-in-time view of the index. Every mode returns documents with both
 * distances filled in, ranked by the mode's own measure.
 */
final class SnapshotSearch {

  private final IndexSearcher searcher;
  private final int bits;
  private final Query filter;
  private final NeighbourGraph graph;

  SnapshotSearch(IndexSearcher searcher, int bits, String label, NeighbourGraph graph) {
    this.searcher = searcher;
    this.bits = bits;
    this.graph = graph;
    this.filter = label == null ? null : new TermQuery(new Term(IndexFields.LABEL, label));
  }

  /** The first {@code params.window()} documents in the order of the mode's measure. */
  List<ScoredDoc> search(Codes query, SearchParams params) throws IOException {
    int window = params.window();
    return switch (params.mode()) {
      case DENSE -> dense(query, window);
      case EXACT -> exact(query, window);
      case HASH -> hash(query, window, params.maxChunkRadius(), true);
      case HYBRID -> hybrid(query, window, params);
      case DIFFUSION -> diffusion(query, window, params);
    };
  }

  /**
   * HNSW k-NN. The cosine is recomputed as exact mode computes it: Lucene's graph and exhaustive
   * paths score in different float orders, which would let the same image's score differ in the
   * last bit between two requests.
   */
  private List<ScoredDoc> dense(Codes query, int window) throws IOException {
    return withHamming(nearestByCosine(query, window), query);
  }

  /** HNSW k-NN by exactly recomputed cosine, most similar first; Hamming distances not filled. */
  private List<ScoredDoc> nearestByCosine(Codes query, int window) throws IOException {
    TopDocs top =
        searcher.search(
            new KnnFloatVectorQuery(IndexFields.DENSE, query.dense(), window, filter), window);
    List<ScoredDoc> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      hits.add(new ScoredDoc(sd.doc, Float.NaN, -1));
    }
    List<ScoredDoc> scored = new ArrayList<>(withCosine(hits, query));
    scored.sort(ScoredDoc.BY_COSINE);
    return scored;
  }

  /** The HNSW shortlist re-ranked over the neighbour graph; Hamming filled for the window only. */
  private List<ScoredDoc> diffusion(Codes query, int window, SearchParams params)
      throws IOException {
    if (!params.diffusion().ranks(window)) {
      return dense(query, window); // the kept nearest fill the window
    }
    int shortlist = Math.max(window, params.diffusion().shortlist());
    List<ScoredDoc> ranked =
        new GraphRerank(searcher, graph)
            .rerank(nearestByCosine(query, shortlist), window, params.diffusion());
    return withHamming(ranked, query);
  }

  /** Brute-force cosine over every live (and filtered) document. */
  private List<ScoredDoc> exact(Codes query, int window) throws IOException {
    TopDocsHeap top = new TopDocsHeap(window, ScoredDoc.BY_COSINE);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      var vectors = leaf.reader().getFloatVectorValues(IndexFields.DENSE);
      if (vectors == null) {
        continue;
      }
      Bits accept = accepted(leaf);
      var docs = vectors.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (accept == null || accept.get(doc)) {
          top.offer(
              new ScoredDoc(
                  leaf.docBase + doc,
                  LeafCodes.dot(query.dense(), vectors.vectorValue(docs.index())),
                  -1));
        }
      }
    }
    return withHamming(top.sorted(), query);
  }

  /**
   * Bucket candidates ranked by Hamming distance. The lookup widens ring by ring; with chunk radius
   * r, every code within distance (r + 1)·chunks − 1 is a candidate, so the ranking is exact once
   * the window's last candidate is within that bound. When {@code exact} and the widest ring still
   * cannot prove it, a linear scan of the doc values decides.
   */
  private List<ScoredDoc> hash(Codes query, int window, int maxRadius, boolean exact)
      throws IOException {
    List<BytesRef> terms = new ArrayList<>();
    List<ScoredDoc> ranked = List.of();
    for (int radius = 0; radius <= maxRadius; radius++) {
      BucketTerms.ring(query.bits(), bits, radius).forEach(t -> terms.add(new BytesRef(t)));
      ranked =
          rankByHamming(candidates(new TermInSetQuery(IndexFields.BUCKET, terms)), query, window);
      int guaranteed = BucketTerms.guaranteed(bits, radius);
      if (ranked.size() >= window && ranked.get(window - 1).hamming() <= guaranteed) {
        return withCosine(ranked, query);
      }
    }
    if (!exact && ranked.size() >= window) {
      return withCosine(ranked, query);
    }
    return withCosine(scanByHamming(query, window), query);
  }

  /** Hash candidates, {@code hybridFactor} times the window, re-ranked by dense cosine. */
  private List<ScoredDoc> hybrid(Codes query, int window, SearchParams params) throws IOException {
    List<ScoredDoc> candidates =
        new ArrayList<>(
            hash(query, window * params.hybridFactor(), params.maxChunkRadius(), false));
    candidates.sort(ScoredDoc.BY_COSINE);
    return candidates.size() > window ? candidates.subList(0, window) : candidates;
  }

  /** Live documents sharing a bucket term within chunk distance {@code radius} of {@code code}. */
  int[] bucketNeighbours(long[] code, int radius) throws IOException {
    List<BytesRef> terms =
        BucketTerms.rings(code, bits, radius).stream().map(BytesRef::new).toList();
    return candidates(new TermInSetQuery(IndexFields.BUCKET, terms));
  }

  private List<ScoredDoc> rankByHamming(int[] docs, Codes query, int window) throws IOException {
    TopDocsHeap top = new TopDocsHeap(window, ScoredDoc.BY_HAMMING);
    forEachLeaf(
        docs,
        (leaf, codes, doc) ->
            top.offer(
                new ScoredDoc(leaf.docBase + doc, Float.NaN, codes.hamming(doc, query.bits()))));
    return top.sorted();
  }

  private List<ScoredDoc> scanByHamming(Codes query, int window) throws IOException {
    TopDocsHeap top = new TopDocsHeap(window, ScoredDoc.BY_HAMMING);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafCodes codes = new LeafCodes(leaf.reader(), BinaryCodes.words(bits));
      Bits accept = accepted(leaf);
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (accept == null || accept.get(doc)) {
          top.offer(new ScoredDoc(leaf.docBase + doc, Float.NaN, codes.hamming(doc, query.bits())));
        }
      }
    }
    return top.sorted();
  }

  private List<ScoredDoc> withHamming(List<ScoredDoc> ranked, Codes query) throws IOException {
    return fill(
        ranked,
        (codes, doc, s) -> new ScoredDoc(s.doc(), s.cosine(), codes.hamming(doc, query.bits())));
  }

  private List<ScoredDoc> withCosine(List<ScoredDoc> ranked, Codes query) throws IOException {
    return fill(
        ranked,
        (codes, doc, s) -> {
          float[] vector = codes.vector(doc);
          return new ScoredDoc(
              s.doc(),
              vector == null ? Float.NaN : LeafCodes.dot(query.dense(), vector),
              s.hamming());
        });
  }

  private interface Filler {
    ScoredDoc fill(LeafCodes codes, int leafDoc, ScoredDoc scored) throws IOException;
  }

  /** Completes each document in rank order. */
  private List<ScoredDoc> fill(List<ScoredDoc> ranked, Filler filler) throws IOException {
    ScoredDoc[] filled = new ScoredDoc[ranked.size()];
    DocOrder.visit(
        searcher,
        ranked,
        BinaryCodes.words(bits),
        (rank, codes, leafDoc) -> filled[rank] = filler.fill(codes, leafDoc, ranked.get(rank)));
    return List.of(filled);
  }

  private interface LeafDocConsumer {
    void accept(LeafReaderContext leaf, LeafCodes codes, int leafDoc) throws IOException;
  }

  /** Visits sorted global doc ids leaf by leaf. */
  private void forEachLeaf(int[] docs, LeafDocConsumer consumer) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    for (LeafReaderContext leaf : leaves) {
      int end = leaf.docBase + leaf.reader().maxDoc();
      if (i >= docs.length || docs[i] >= end) {
        continue;
      }
      LeafCodes codes = new LeafCodes(leaf.reader(), BinaryCodes.words(bits));
      for (; i < docs.length && docs[i] < end; i++) {
        consumer.accept(leaf, codes, docs[i] - leaf.docBase);
      }
    }
  }

  /** Live documents matching {@code query} and the filter, as sorted global doc ids. */
  private int[] candidates(Query query) throws IOException {
    Query combined =
        filter == null
            ? query
            : new BooleanQuery.Builder().add(query, Occur.FILTER).add(filter, Occur.FILTER).build();
    Weight weight =
        searcher.createWeight(searcher.rewrite(combined), ScoreMode.COMPLETE_NO_SCORES, 1f);
    int[] docs = new int[64];
    int count = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          docs = ArrayUtil.grow(docs, count + 1);
          docs[count++] = leaf.docBase + doc;
        }
      }
    }
    return Arrays.copyOf(docs, count);
  }

  /** Live and filtered documents of a segment, or null when every document is accepted. */
  private Bits accepted(LeafReaderContext leaf) throws IOException {
    Bits live = leaf.reader().getLiveDocs();
    if (filter == null) {
      return live;
    }
    FixedBitSet accepted = new FixedBitSet(leaf.reader().maxDoc());
    Weight weight =
        searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer scorer = weight.scorer(leaf);
    if (scorer != null) {
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          accepted.set(doc);
        }
      }
    }
    return accepted;
  }
}
