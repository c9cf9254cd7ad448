package dev.lookalike.index.lucene;

import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.index.BucketTerms;
import dev.lookalike.index.CodeSample;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** Collection views over the same searchers as the index they belong to. */
final class LuceneCollectionAnalytics implements CollectionAnalytics {

  /**
   * Duplicate search looks up bucket chunks up to this Hamming radius; wider rings grow as C(16, r)
   * terms per chunk, too many to look up for every image.
   */
  static final int DUPLICATE_CHUNK_RADIUS = 2;

  private static final Set<String> SAMPLE_FIELDS = Set.of(IndexFields.ID, IndexFields.LABEL);

  private final Searchers searchers;
  private final int bits;

  LuceneCollectionAnalytics(Searchers searchers, int bits) {
    this.searchers = searchers;
    this.bits = bits;
  }

  @Override
  public List<String> labels() throws IOException {
    return searchers.read(
        searcher -> {
          List<String> labels = new ArrayList<>();
          Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.LABEL);
          if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
              String label = term.utf8ToString();
              // a label whose images were all deleted lingers in the terms until a merge
              if (searcher.count(new TermQuery(new Term(IndexFields.LABEL, label))) > 0) {
                labels.add(label);
              }
            }
          }
          return labels;
        });
  }

  @Override
  public List<CodeSample> sample(int max) throws IOException {
    return searchers.read(
        searcher -> {
          double step =
              Math.max(1.0, (double) searcher.getIndexReader().numDocs() / Math.max(1, max));
          List<CodeSample> sample = new ArrayList<>();
          StoredFields stored = searcher.storedFields();
          long ordinal = 0; // position among live documents
          double next = 0;
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            var liveDocs = leaf.reader().getLiveDocs();
            LeafCodes codes = new LeafCodes(leaf.reader(), BinaryCodes.words(bits));
            for (int doc = 0; doc < leaf.reader().maxDoc() && sample.size() < max; doc++) {
              if ((liveDocs != null && !liveDocs.get(doc)) || ordinal++ < next) {
                continue;
              }
              next += step;
              float[] vector = codes.vector(doc);
              if (vector != null) {
                Document d = stored.document(leaf.docBase + doc, SAMPLE_FIELDS);
                sample.add(
                    new CodeSample(
                        d.get(IndexFields.ID), d.get(IndexFields.LABEL), vector.clone()));
              }
            }
          }
          return sample;
        });
  }

  @Override
  public List<StoredImage> outliers(int k) throws IOException {
    if (k < 1 || k > SearchParams.MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + SearchParams.MAX_K + "], got: " + k);
    }
    return searchers.read(
        searcher -> {
          Sort worstFirst =
              new Sort(new SortField(IndexFields.RECONSTRUCTION_ERROR, SortField.Type.FLOAT, true));
          TopDocs top =
              searcher.search(
                  new FieldExistsQuery(IndexFields.RECONSTRUCTION_ERROR), k, worstFirst);
          List<StoredImage> images = new ArrayList<>(top.scoreDocs.length);
          for (var hit : top.scoreDocs) {
            images.add(Documents.toStoredImage(searcher.storedFields(), hit.doc));
          }
          return images;
        });
  }

  @Override
  public List<List<StoredImage>> duplicates(int maxHamming, int maxGroups) throws IOException {
    int chunks = BucketTerms.chunks(bits);
    // Pigeonhole: codes within maxHamming bits share a chunk within maxHamming / chunks bits.
    int radius = maxHamming / chunks;
    int limit = (DUPLICATE_CHUNK_RADIUS + 1) * chunks - 1;
    if (maxHamming < 0 || radius > DUPLICATE_CHUNK_RADIUS) {
      throw new IllegalArgumentException(
          "maxHamming must be in [0, "
              + limit
              + "] for "
              + bits
              + "-bit codes, got: "
              + maxHamming);
    }
    if (maxGroups < 1) {
      throw new IllegalArgumentException("maxGroups must be at least 1, got: " + maxGroups);
    }
    return searchers.read(
        searcher -> {
          long[][] codes = liveCodes(searcher);
          int[] parent = new int[codes.length];
          Arrays.setAll(parent, i -> i);
          SnapshotSearch buckets = new SnapshotSearch(searcher, bits, null, null);
          for (int doc = 0; doc < codes.length; doc++) {
            if (codes[doc] == null) {
              continue;
            }
            for (int other : buckets.bucketNeighbours(codes[doc], radius)) {
              if (other > doc && BinaryCodes.hamming(codes[doc], codes[other]) <= maxHamming) {
                parent[root(parent, other)] = root(parent, doc);
              }
            }
          }
          return groups(searcher, codes, parent, maxGroups);
        });
  }

  /** The binary code of every live document, null for deleted ones, by global doc id. */
  private long[][] liveCodes(IndexSearcher searcher) throws IOException {
    long[][] codes = new long[searcher.getIndexReader().maxDoc()][];
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafCodes leafCodes = new LeafCodes(leaf.reader(), BinaryCodes.words(bits));
      var live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          codes[leaf.docBase + doc] = leafCodes.code(doc);
        }
      }
    }
    return codes;
  }

  /** The union-find groups of more than one image, largest first, then by first doc. */
  private static List<List<StoredImage>> groups(
      IndexSearcher searcher, long[][] codes, int[] parent, int maxGroups) throws IOException {
    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int doc = 0; doc < codes.length; doc++) {
      if (codes[doc] != null) {
        groups.computeIfAbsent(root(parent, doc), r -> new ArrayList<>()).add(doc);
      }
    }
    List<List<Integer>> found =
        new ArrayList<>(groups.values().stream().filter(g -> g.size() > 1).toList());
    found.sort(
        Comparator.<List<Integer>>comparingInt(List::size)
            .reversed()
            .thenComparingInt(g -> g.get(0)));
    List<List<StoredImage>> result = new ArrayList<>();
    for (List<Integer> group : found.subList(0, Math.min(maxGroups, found.size()))) {
      List<StoredImage> images = new ArrayList<>(group.size());
      for (int doc : group) {
        images.add(Documents.toStoredImage(searcher.storedFields(), doc));
      }
      result.add(images);
    }
    return result;
  }

  private static int root(int[] parent, int doc) {
    while (parent[doc] != doc) {
      parent[doc] = parent[parent[doc]];
      doc = parent[doc];
    }
    return doc;
  }
}
