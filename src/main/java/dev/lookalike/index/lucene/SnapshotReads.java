package dev.lookalike.index.lucene;

import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.codes.Codes;
import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.index.Hit;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** Reads images and ranked hits from one point-in-time searcher; shared by every way of opening. */
final class SnapshotReads {

  private static final Set<String> HIT_FIELDS =
      Set.of(IndexFields.ID, IndexFields.URI, IndexFields.LABEL);

  private final IndexSearcher searcher;
  private final ModelIdentity model;
  private final int bits;
  private final NeighbourGraph graph;

  SnapshotReads(IndexSearcher searcher, ModelIdentity model, NeighbourGraph graph) {
    this.searcher = searcher;
    this.model = model;
    this.bits = model.bits();
    this.graph = graph;
  }

  Optional<IndexedImage> get(String id) throws IOException {
    int doc = doc(id);
    if (doc < 0) {
      return Optional.empty();
    }
    StoredFields stored = searcher.storedFields();
    BytesRef thumbnail = thumbnail(stored, doc);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    LeafCodes codes = new LeafCodes(leaf.reader(), BinaryCodes.words(bits));
    long[] code = codes.code(doc - leaf.docBase);
    float[] vector = codes.vector(doc - leaf.docBase);
    return Optional.of(
        new IndexedImage(
            Documents.toStoredImage(stored, doc),
            thumbnail == null
                ? new byte[0]
                : Arrays.copyOfRange(
                    thumbnail.bytes, thumbnail.offset, thumbnail.offset + thumbnail.length),
            new Codes(vector.clone(), code)));
  }

  Map<String, byte[]> thumbnails(Collection<String> ids) throws IOException {
    Map<String, byte[]> thumbnails = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    for (String id : ids) {
      int doc = doc(id);
      BytesRef thumbnail = doc < 0 ? null : thumbnail(stored, doc);
      if (thumbnail != null && thumbnail.length > 0) {
        thumbnails.put(
            id,
            Arrays.copyOfRange(
                thumbnail.bytes, thumbnail.offset, thumbnail.offset + thumbnail.length));
      }
    }
    return thumbnails;
  }

  /**
   * The stored sketches of those of {@code ids} that have one. Each id is looked up in each
   * segment's terms directly: a search reads ~200, and a query per id cost more than the sketches.
   */
  Map<String, byte[]> copySketches(Collection<String> ids) throws IOException {
    Map<String, byte[]> sketches = new HashMap<>();
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(IndexFields.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum idTerms = terms.iterator();
      Bits live = leaf.reader().getLiveDocs();
      int[] docs = new int[ids.size()];
      String[] found = new String[ids.size()];
      int n = 0;
      for (String id : ids) {
        if (sketches.containsKey(id) || !idTerms.seekExact(new BytesRef(id))) {
          continue;
        }
        postings = idTerms.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            docs[n] = doc;
            found[n++] = id;
            break;
          }
        }
      }
      // doc values are read forwards: visit this segment's documents in order
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
      BinaryDocValues values = n == 0 ? null : leaf.reader().getBinaryDocValues(IndexFields.SKETCH);
      for (int i = 0; values != null && i < n; i++) {
        int at = order[i];
        if (values.advanceExact(docs[at])) {
          BytesRef sketch = values.binaryValue();
          sketches.put(
              found[at],
              Arrays.copyOfRange(sketch.bytes, sketch.offset, sketch.offset + sketch.length));
        }
      }
    }
    return sketches;
  }

  /** The live document with that id, or -1. */
  private int doc(String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  private static BytesRef thumbnail(StoredFields stored, int doc) throws IOException {
    return stored
        .document(doc, Set.of(IndexFields.THUMBNAIL))
        .getBinaryValue(IndexFields.THUMBNAIL);
  }

  /** Live images in id order after {@code afterId}, by walking the id terms. */
  List<IndexedImage> scan(String afterId, int limit) throws IOException {
    List<IndexedImage> images = new ArrayList<>(Math.min(limit, 1024));
    Terms ids = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.ID);
    if (ids == null || limit < 1) {
      return images;
    }
    TermsEnum terms = ids.iterator();
    BytesRef term;
    if (afterId == null) {
      term = terms.next();
    } else {
      TermsEnum.SeekStatus status = terms.seekCeil(new BytesRef(afterId));
      term =
          switch (status) {
            case END -> null;
            case FOUND -> terms.next();
            case NOT_FOUND -> terms.term();
          };
    }
    for (; term != null && images.size() < limit; term = terms.next()) {
      // the id of a deleted image lingers among the terms until a merge: get skips it
      get(term.utf8ToString()).ifPresent(images::add);
    }
    return images;
  }

  List<Hit> search(Codes query, SearchParams params) throws IOException {
    model.checkQuery(query);
    List<ScoredDoc> ranked =
        new SnapshotSearch(searcher, bits, params.label(), graph).search(query, params);
    List<Hit> hits = new ArrayList<>(params.k());
    StoredFields stored = searcher.storedFields();
    for (int i = params.offset(); i < ranked.size(); i++) {
      ScoredDoc s = ranked.get(i);
      Document doc = stored.document(s.doc(), HIT_FIELDS);
      hits.add(
          Hit.of(
              doc.get(IndexFields.ID),
              doc.get(IndexFields.URI),
              doc.get(IndexFields.LABEL),
              s.cosine(),
              s.hamming(),
              params.mode(),
              bits));
    }
    return hits;
  }

  /** Which of {@code ids} are live images. */
  Set<String> existing(Collection<String> ids) throws IOException {
    Set<String> found = new HashSet<>();
    for (String id : ids) {
      if (contains(id)) {
        found.add(id);
      }
    }
    return found;
  }

  boolean contains(String id) throws IOException {
    return searcher.count(new TermQuery(new Term(IndexFields.ID, id))) > 0;
  }
}
