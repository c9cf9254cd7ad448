package dev.lookalike.index.lucene;

import dev.lookalike.codes.Codes;
import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.IndexStats;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * The embedded image index: one Lucene index in a {@link Directory}. Open it through {@link
 * LuceneIndexes}.
 *
 * <p>A writable index writes through one {@link IndexWriter}; reads use near-real-time {@link
 * Searchers} refreshed before a read that follows a write, so an added image is findable at once
 * and durable after {@link #commit()}: on disk, that syncs a {@link WriteAheadLog}, folded into a
 * Lucene commit every {@link IndexSettings#checkpointInterval()}; opening applies what a crash left
 * in it. A read-only index holds no writer and no write lock, writes nothing and sees the last
 * Lucene commit only.
 *
 * <p>Commits record the schema version and the {@link ModelIdentity} whose codes the index holds
 * ({@link CommitData}) and name the file of its neighbour graph ({@link IndexGraph}, kept current
 * by every add and delete, written with every commit); opening a non-empty index with another model
 * is refused before anything is written. Opening alone never writes: commit data and the graph are
 * written by the first commit that has something to record.
 */
public final class LuceneImageIndex implements ImageIndex {

  private final Directory directory;
  private final String location;
  private final IndexWriter writer; // null when read-only
  private final IndexWrites writes; // null when read-only
  private final Searchers searchers;
  private final NeighbourGraph graph;
  private final ModelIdentity model;
  private final CollectionAnalytics analytics;
  private final CheckpointTimer checkpoints; // null when read-only

  private LuceneImageIndex(
      Directory directory,
      String location,
      IndexWriter writer,
      SnapshotDeletionPolicy commits,
      Searchers searchers,
      int graphDegree,
      IndexSettings settings,
      ModelIdentity model)
      throws IOException {
    this.directory = directory;
    this.location = location;
    this.writer = writer;
    this.searchers = searchers;
    this.model = model;
    Optional<String> graphFile = CommitData.graphFile(directory);
    IndexGraph indexGraph =
        searchers.read(
            searcher ->
                IndexGraph.load(
                    directory,
                    graphFile,
                    searcher,
                    graphDegree,
                    settings.graphLinking(),
                    location));
    this.graph = indexGraph.graph();
    this.writes =
        writer == null
            ? null
            : new IndexWrites(
                directory,
                writer,
                commits,
                searchers,
                indexGraph,
                graphFile,
                model,
                WriteAheadLog.forWriter(directory, settings.logged()),
                settings.checkpointInterval(),
                Clock.systemUTC());
    if (writes != null) {
      writes.recover();
    }
    this.checkpoints = writes == null ? null : CheckpointTimer.start(writes, location);
    this.analytics = new LuceneCollectionAnalytics(searchers, model.bits());
  }

  /** Opens or creates a writable index; refuses an index of another model before writing. */
  static LuceneImageIndex writable(
      Directory directory, String location, IndexSettings settings, ModelIdentity model)
      throws IOException {
    CommitData.check(CommitData.read(directory, location), model);
    // Keeps a snapshotted commit's files until its copy is done; otherwise only the last commit.
    SnapshotDeletionPolicy commits =
        new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setIndexDeletionPolicy(commits)
            .setRAMBufferSizeMB(64)
            .setCodec(codec(settings));
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      return new LuceneImageIndex(
          directory,
          location,
          writer,
          commits,
          new Searchers(new SearcherManager(writer, null)),
          settings.graphDegree(),
          settings,
          model);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  /** Opens an existing index for searching only: no writer, no lock, nothing written. */
  static LuceneImageIndex readOnly(Directory directory, String location, ModelIdentity model)
      throws IOException {
    CommitData.check(CommitData.read(directory, location), model);
    WriteAheadLog.warnIfPending(directory, location);
    return new LuceneImageIndex(
        directory,
        location,
        null,
        null,
        new Searchers(new SearcherManager(directory, null)),
        0, // the saved graph, whatever its degree
        IndexSettings.defaults().withoutLog(),
        model);
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

  private IndexWrites writes() {
    if (writes == null) {
      throw new UnsupportedOperationException("index " + location + " is open read-only");
    }
    return writes;
  }

  @Override
  public void add(List<ImageRecord> records) throws IOException {
    writes().add(records);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return writes().delete(id);
  }

  @Override
  public Optional<IndexedImage> get(String id) throws IOException {
    return read(reads -> reads.get(id));
  }

  @Override
  public Set<String> existing(Collection<String> ids) throws IOException {
    return read(reads -> reads.existing(ids));
  }

  @Override
  public Map<String, byte[]> thumbnails(Collection<String> ids) throws IOException {
    return read(reads -> reads.thumbnails(ids));
  }

  @Override
  public Map<String, byte[]> copySketches(Collection<String> ids) throws IOException {
    return read(reads -> reads.copySketches(ids));
  }

  @Override
  public List<IndexedImage> scan(String afterId, int limit) throws IOException {
    return read(reads -> reads.scan(afterId, limit));
  }

  @Override
  public List<Hit> search(Codes query, SearchParams params) throws IOException {
    return read(reads -> reads.search(query, params));
  }

  private interface Read<T> {
    T read(SnapshotReads reads) throws IOException;
  }

  private <T> T read(Read<T> read) throws IOException {
    return searchers.read(searcher -> read.read(new SnapshotReads(searcher, model, graph)));
  }

  /** The neighbour graph, for tests of its upkeep. */
  NeighbourGraph graph() {
    return graph;
  }

  @Override
  public CollectionAnalytics analytics() {
    return analytics;
  }

  @Override
  public void commit() throws IOException {
    if (writes != null) {
      writes.commit();
    }
  }

  @Override
  public void finishBulk() throws IOException {
    if (writes != null) {
      writes.linkPending();
    }
  }

  @Override
  public IndexSnapshot snapshot(Path target) throws IOException {
    return writes().snapshot(target);
  }

  @Override
  public long count() throws IOException {
    if (writer != null) {
      return writer.getDocStats().numDocs;
    }
    return searchers.read(searcher -> searcher.getIndexReader().numDocs());
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
    int segments = searchers.read(searcher -> searcher.getIndexReader().leaves().size());
    return new IndexStats(count(), size, segments, model.fingerprint(), location);
  }

  @Override
  public void close() throws IOException {
    try {
      if (checkpoints != null) {
        checkpoints.close();
      }
      if (writer != null) {
        writes.close(); // the graph with the codes, not Lucene's implicit commit alone
      }
      searchers.close(); // after: a bulk run's closing links its images through a searcher
      if (writer != null) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
