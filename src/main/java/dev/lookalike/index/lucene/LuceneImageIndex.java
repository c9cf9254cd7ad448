package dev.lookalike.index.lucene;

import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.codes.Codes;
import dev.lookalike.index.CodeSample;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.IndexStats;
import dev.lookalike.index.ModelMismatchException;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.StoredImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded image index: one Lucene index on local disk.
 *
 * <p>Writes go through one {@link IndexWriter}; searches use near-real-time searchers refreshed
 * after every write, so an added image is findable at once and durable after {@link #commit()}.
 * Each commit records the schema version and the fingerprint of the model whose codes the index
 * holds; a non-empty index refuses codes of any other model.
 */
public final class LuceneImageIndex implements ImageIndex {

  private static final Set<String> HIT_FIELDS =
      Set.of(IndexFields.ID, IndexFields.URI, IndexFields.LABEL);

  private final Directory directory;
  private final String location;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final IndexSettings settings;
  private final String model;
  private final int bits;
  private final Clock clock;
  private volatile String indexedModel;

  private LuceneImageIndex(
      Directory directory,
      String location,
      IndexSettings settings,
      String model,
      int latent,
      int bits,
      Clock clock)
      throws IOException {
    this.directory = directory;
    this.location = location;
    this.settings = settings;
    this.model = model;
    this.bits = bits;
    this.clock = clock;
    Map<String, String> committed = committedData(directory);
    String schema = committed.get(IndexFields.COMMIT_SCHEMA);
    if (schema != null && !schema.equals(Integer.toString(IndexFields.SCHEMA_VERSION))) {
      throw new IllegalStateException(
          "index "
              + location
              + " has schema version "
              + schema
              + "; this Lookalike reads "
              + IndexFields.SCHEMA_VERSION
              + ". Re-index into an empty directory.");
    }
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(64)
            .setCodec(codec(settings));
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
    this.indexedModel =
        writer.getDocStats().numDocs > 0 ? committed.get(IndexFields.COMMIT_MODEL) : null;
    Map<String, String> data = new HashMap<>();
    data.put(IndexFields.COMMIT_SCHEMA, Integer.toString(IndexFields.SCHEMA_VERSION));
    data.put(IndexFields.COMMIT_MODEL, indexedModel == null ? model : indexedModel);
    data.put(IndexFields.COMMIT_LATENT, Integer.toString(latent));
    data.put(IndexFields.COMMIT_BITS, Integer.toString(bits));
    writer.setLiveCommitData(data.entrySet());
  }

  /**
   * Opens (or creates) the index in {@code path} for codes of {@code model}.
   *
   * @param model fingerprint of the model whose codes are added and searched
   */
  public static LuceneImageIndex open(
      Path path, IndexSettings settings, String model, int latent, int bits) throws IOException {
    Files.createDirectories(path);
    FSDirectory directory = FSDirectory.open(path);
    try {
      return new LuceneImageIndex(
          directory, path.toString(), settings, model, latent, bits, Clock.systemUTC());
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Opens an index in any Lucene directory (e.g. in memory for evaluation and tests). */
  public static LuceneImageIndex open(
      Directory directory, IndexSettings settings, String model, int latent, int bits)
      throws IOException {
    return new LuceneImageIndex(
        directory, directory.toString(), settings, model, latent, bits, Clock.systemUTC());
  }

  private static Lucene104Codec codec(IndexSettings settings) {
    KnnVectorsFormat hnsw =
        new Lucene99HnswVectorsFormat(settings.hnswMaxConn(), settings.hnswBeamWidth());
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return hnsw;
      }
    };
  }

  private static Map<String, String> committedData(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    return SegmentInfos.readLatestCommit(directory).getUserData();
  }

  /** The model whose codes this index holds, or null while it is empty. */
  public String indexedModel() {
    return indexedModel;
  }

  private void checkModel() {
    String held = indexedModel;
    if (held != null && !held.equals(model)) {
      throw new ModelMismatchException(held, model);
    }
  }

  @Override
  public void add(List<ImageRecord> records) throws IOException {
    checkModel();
    long now = clock.millis();
    List<Document> docs = new ArrayList<>(records.size());
    for (ImageRecord record : records) {
      docs.add(Documents.toDocument(record, bits, now));
    }
    for (int i = 0; i < docs.size(); i++) {
      writer.updateDocument(new Term(IndexFields.ID, records.get(i).id()), docs.get(i));
    }
    indexedModel = model;
    searchers.maybeRefreshBlocking();
  }

  @Override
  public boolean delete(String id) throws IOException {
    if (!contains(id)) {
      return false;
    }
    writer.deleteDocuments(new Term(IndexFields.ID, id));
    searchers.maybeRefreshBlocking();
    return true;
  }

  @Override
  public boolean contains(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(new Term(IndexFields.ID, id))) > 0;
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public Optional<StoredImage> get(String id) throws IOException {
    return withDoc(id, (searcher, doc) -> Documents.toStoredImage(searcher.storedFields(), doc));
  }

  @Override
  public Optional<byte[]> thumbnail(String id) throws IOException {
    return withDoc(
        id,
        (searcher, doc) -> {
          var field =
              searcher
                  .storedFields()
                  .document(doc, Set.of(IndexFields.THUMBNAIL))
                  .getBinaryValue(IndexFields.THUMBNAIL);
          return field == null
              ? new byte[0]
              : java.util.Arrays.copyOfRange(
                  field.bytes, field.offset, field.offset + field.length);
        });
  }

  @Override
  public Optional<Codes> codes(String id) throws IOException {
    return withDoc(
        id,
        (searcher, doc) -> {
          List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          LeafCodes codes = new LeafCodes(leaf.reader(), BinaryCodes.words(bits));
          long[] code = codes.code(doc - leaf.docBase);
          float[] vector = codes.vector(doc - leaf.docBase);
          return new Codes(vector.clone(), code);
        });
  }

  private interface DocReader<T> {
    T read(IndexSearcher searcher, int doc) throws IOException;
  }

  private <T> Optional<T> withDoc(String id, DocReader<T> reader) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(reader.read(searcher, top.scoreDocs[0].doc));
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<Hit> search(Codes query, SearchParams params) throws IOException {
    checkModel();
    if (query.bits().length != BinaryCodes.words(bits)) {
      throw new IllegalArgumentException(
          "query has a "
              + query.bits().length * 64
              + "-bit code slot; the index holds "
              + bits
              + "-bit codes");
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      List<ScoredDoc> ranked =
          new SnapshotSearch(searcher, bits, settings, params.label())
              .search(query, params.mode(), params.window());
      List<Hit> hits = new ArrayList<>(params.k());
      StoredFields stored = searcher.storedFields();
      for (int i = params.offset(); i < ranked.size(); i++) {
        ScoredDoc s = ranked.get(i);
        Document doc = stored.document(s.doc(), HIT_FIELDS);
        // Unit vectors: cosine is in [-1, 1] up to float rounding, which is clamped away.
        float cosine = Math.max(-1f, Math.min(1f, s.cosine()));
        float score = params.mode() == SearchMode.HASH ? 1f - (float) s.hamming() / bits : cosine;
        hits.add(
            new Hit(
                doc.get(IndexFields.ID),
                doc.get(IndexFields.URI),
                doc.get(IndexFields.LABEL),
                score,
                s.hamming(),
                1f - cosine));
      }
      return hits;
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<String> labels() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      List<String> labels = new ArrayList<>();
      org.apache.lucene.index.Terms terms =
          org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.LABEL);
      if (terms != null) {
        org.apache.lucene.index.TermsEnum it = terms.iterator();
        for (var term = it.next(); term != null; term = it.next()) {
          // a label whose images were all deleted lingers in the terms until a merge
          if (searcher.count(new TermQuery(new Term(IndexFields.LABEL, term.utf8ToString()))) > 0) {
            labels.add(term.utf8ToString());
          }
        }
      }
      return labels;
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<CodeSample> sample(int max) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      double step = Math.max(1.0, (double) searcher.getIndexReader().numDocs() / Math.max(1, max));
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
            Document d = stored.document(leaf.docBase + doc, HIT_FIELDS);
            sample.add(
                new CodeSample(d.get(IndexFields.ID), d.get(IndexFields.LABEL), vector.clone()));
          }
        }
      }
      return sample;
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<StoredImage> outliers(int k) throws IOException {
    if (k < 1 || k > SearchParams.MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + SearchParams.MAX_K + "], got: " + k);
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      Sort worstFirst =
          new Sort(new SortField(IndexFields.RECONSTRUCTION_ERROR, SortField.Type.FLOAT, true));
      TopDocs top =
          searcher.search(new FieldExistsQuery(IndexFields.RECONSTRUCTION_ERROR), k, worstFirst);
      List<StoredImage> images = new ArrayList<>(top.scoreDocs.length);
      for (var hit : top.scoreDocs) {
        images.add(Documents.toStoredImage(searcher.storedFields(), hit.doc));
      }
      return images;
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<List<StoredImage>> duplicates(int maxHamming, int maxGroups) throws IOException {
    int chunks = BucketTerms.chunks(bits);
    // Pigeonhole: codes within maxHamming bits share a chunk within maxHamming / chunks bits.
    int radius = maxHamming / chunks;
    int limit = (settings.maxChunkRadius() + 1) * chunks - 1;
    if (maxHamming < 0 || radius > settings.maxChunkRadius()) {
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
    IndexSearcher searcher = searchers.acquire();
    try {
      int maxDoc = searcher.getIndexReader().maxDoc();
      long[][] codes = new long[maxDoc][];
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        LeafCodes leafCodes = new LeafCodes(leaf.reader(), BinaryCodes.words(bits));
        var live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            codes[leaf.docBase + doc] = leafCodes.code(doc);
          }
        }
      }
      SnapshotSearch buckets = new SnapshotSearch(searcher, bits, settings, null);
      int[] parent = new int[maxDoc];
      java.util.Arrays.setAll(parent, i -> i);
      for (int doc = 0; doc < maxDoc; doc++) {
        if (codes[doc] == null) {
          continue;
        }
        for (int other : buckets.bucketNeighbours(codes[doc], radius)) {
          if (other > doc && BinaryCodes.hamming(codes[doc], codes[other]) <= maxHamming) {
            parent[root(parent, other)] = root(parent, doc);
          }
        }
      }
      Map<Integer, List<Integer>> groups = new HashMap<>();
      for (int doc = 0; doc < maxDoc; doc++) {
        if (codes[doc] != null) {
          groups.computeIfAbsent(root(parent, doc), r -> new ArrayList<>()).add(doc);
        }
      }
      List<List<Integer>> found =
          new ArrayList<>(groups.values().stream().filter(g -> g.size() > 1).toList());
      found.sort(
          java.util.Comparator.<List<Integer>>comparingInt(List::size)
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
    } finally {
      searchers.release(searcher);
    }
  }

  private static int root(int[] parent, int doc) {
    while (parent[doc] != doc) {
      parent[doc] = parent[parent[doc]];
      doc = parent[doc];
    }
    return doc;
  }

  @Override
  public void commit() throws IOException {
    writer.commit();
  }

  @Override
  public long count() {
    return writer.getDocStats().numDocs;
  }

  @Override
  public IndexStats stats() throws IOException {
    long size = 0;
    for (String file : directory.listAll()) {
      try {
        size += directory.fileLength(file);
      } catch (IOException e) {
        // A file merged away between listing and sizing: it no longer counts.
      }
    }
    int segments;
    IndexSearcher searcher = searchers.acquire();
    try {
      segments = searcher.getIndexReader().leaves().size();
    } finally {
      searchers.release(searcher);
    }
    return new IndexStats(
        count(), size, segments, indexedModel == null ? model : indexedModel, location);
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      writer.close(); // commits pending changes
    } finally {
      directory.close();
    }
  }
}
