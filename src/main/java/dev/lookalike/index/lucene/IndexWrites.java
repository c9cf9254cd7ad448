package dev.lookalike.index.lucene;

import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;

/**
 * Every change to a writable index, one at a time: documents through the {@link IndexWriter}, the
 * neighbour graph through {@link IndexGraph}, and commits that record both together. With a {@link
 * WriteAheadLog}, each change is appended to it first, in the same order, and a commit syncs the
 * log; the Lucene commit (a checkpoint) follows on its own schedule.
 *
 * <p>The searcher is refreshed when a read needs it ({@link Searchers}), when an image is removed
 * or replaced (the lists that held it are recomputed through HNSW), and once a chunk of images has
 * been written since the last refresh; until then new images are compared directly with those
 * written since ({@link UnrefreshedImages}).
 */
final class IndexWrites {

  private static final int CHUNK = 1024; // images written, at most, between refreshes

  /** A log this large is checkpointed whatever the interval: it bounds replay after a crash. */
  static final long MAX_LOG_BYTES = 16L << 20;

  private final Directory directory;
  private final IndexWriter writer;
  private final Searchers searchers;
  private final UnrefreshedImages unrefreshed = new UnrefreshedImages();
  private final IndexGraph graph;
  private final ModelIdentity model;
  private final Clock clock;
  private final SnapshotDeletionPolicy commits;
  private final ReentrantLock lock = new ReentrantLock();
  private final WriteAheadLog log; // null in memory
  private final Duration checkpointInterval;
  private volatile Optional<String> graphFile;
  private volatile long lastCheckpoint;

  IndexWrites(
      Directory directory,
      IndexWriter writer,
      SnapshotDeletionPolicy commits,
      Searchers searchers,
      IndexGraph graph,
      Optional<String> graphFile,
      ModelIdentity model,
      WriteAheadLog log,
      Duration checkpointInterval,
      Clock clock) {
    this.directory = directory;
    this.writer = writer;
    this.commits = commits;
    this.searchers = searchers;
    this.graph = graph;
    this.graphFile = graphFile;
    this.model = model;
    this.log = log;
    this.checkpointInterval = checkpointInterval;
    this.clock = clock;
    this.lastCheckpoint = clock.millis();
  }

  void add(List<ImageRecord> records) throws IOException {
    lock.lock();
    try {
      long now = clock.millis();
      List<Document> docs = documents(records, now); // validates every record before any is written
      if (logging()) {
        log.append(new LoggedChange.Added(records, now));
      }
      write(records, docs);
    } finally {
      lock.unlock();
    }
  }

  private List<Document> documents(List<ImageRecord> records, long addedAt) {
    return Documents.toDocuments(records, model, addedAt, graph.nextNode());
  }

  private void write(List<ImageRecord> records, List<Document> docs) throws IOException {
    for (int from = 0; from < records.size(); from += CHUNK) {
      int to = Math.min(records.size(), from + CHUNK);
      addChunk(records.subList(from, to), docs.subList(from, to));
    }
  }

  private void addChunk(List<ImageRecord> records, List<Document> docs) throws IOException {
    float[][] vectors = records.stream().map(r -> r.codes().dense()).toArray(float[][]::new);
    List<String> ids = records.stream().map(ImageRecord::id).toList();
    if (unrefreshed.containsAny(ids)) {
      refresh(); // an image replaced before a refresh: its node is found through the searcher
    }
    int first = graph.nextNode();
    Set<Integer> replaced =
        searchers.readAsIs(before -> graph.link(before, ids, vectors, unrefreshed));
    for (int i = 0; i < docs.size(); i++) {
      writer.updateDocument(new Term(IndexFields.ID, ids.get(i)), docs.get(i));
    }
    searchers.changed();
    unrefreshed.add(first, ids, vectors);
    if (!replaced.isEmpty()) {
      removeFromGraph(replaced);
    } else if (unrefreshed.size() >= CHUNK) {
      refresh();
    }
  }

  private void refresh() throws IOException {
    searchers.refresh();
    unrefreshed.clear();
  }

  boolean delete(String id) throws IOException {
    lock.lock();
    try {
      return remove(id, true);
    } finally {
      lock.unlock();
    }
  }

  private boolean remove(String id, boolean logged) throws IOException {
    refresh();
    Optional<Integer> node = searchers.readAsIs(before -> LeafCodes.node(before, id));
    if (node.isEmpty()) {
      return false;
    }
    if (logged && logging()) {
      log.append(new LoggedChange.Deleted(id));
    }
    writer.deleteDocuments(new Term(IndexFields.ID, id));
    searchers.changed();
    removeFromGraph(Set.of(node.get()));
    return true;
  }

  /**
   * Applies the changes a crash left in the log, in order, then commits them: adds replace the
   * images with the same documents, so changes the last commit already holds are harmless.
   */
  void recover() throws IOException {
    if (log == null || log.pending().isEmpty()) {
      return;
    }
    lock.lock();
    try {
      for (LoggedChange change : log.pending()) {
        switch (change) {
          case LoggedChange.Added added ->
              write(added.records(), documents(added.records(), added.addedAt()));
          case LoggedChange.Deleted deleted -> remove(deleted.id(), false);
        }
      }
      checkpoint();
    } finally {
      lock.unlock();
    }
  }

  /** Drops images from the graph once the searcher no longer finds them. */
  private void removeFromGraph(Set<Integer> nodes) throws IOException {
    refresh();
    searchers.readAsIs(after -> graph.remove(after, nodes));
  }

  /**
   * Makes every change durable. With a log, that is one sync of the log, outside the write lock so
   * that the next changes are written meanwhile; a checkpoint follows when the log is due for one.
   */
  void commit() throws IOException {
    // The first commit is a checkpoint: it records the model, so the log always follows a commit
    // that says whose codes it holds.
    if (!logging() || graphFile.isEmpty()) {
      checkpoint();
      return;
    }
    log.sync();
    if (log.size() >= MAX_LOG_BYTES || due()) {
      checkpoint();
    }
  }

  /** Checkpoints when the log holds changes older than the interval: called on a timer. */
  void checkpointIfDue() throws IOException {
    if (logging() && log.size() > 0 && due()) {
      checkpoint();
    }
  }

  private boolean due() {
    return clock.millis() - lastCheckpoint >= checkpointInterval.toMillis();
  }

  /** How often the log is checkpointed; zero when there is no log. */
  Duration checkpointInterval() {
    return logging() ? checkpointInterval : Duration.ZERO;
  }

  /**
   * Commits every change to Lucene, after which the log holds nothing: the graph file is written
   * and synced first, then the Lucene commit names it, so a crash between the two leaves the
   * previous commit and its graph intact (and the log that leads from it).
   */
  void checkpoint() throws IOException {
    lock.lock();
    try {
      if (writer.hasUncommittedChanges() || graph.dirty()) {
        String file = GraphFiles.next(graphFile);
        GraphFiles.write(directory, file, graph.graph());
        writer.setLiveCommitData(CommitData.of(model, file).entrySet());
        writer.commit();
        graphFile = Optional.of(file);
        graph.saved();
        GraphFiles.deleteAllBut(directory, file);
      }
      if (log != null && log.size() > 0) {
        log.clear();
      }
      lastCheckpoint = clock.millis();
    } finally {
      lock.unlock();
    }
  }

  /** Whether changes go through the log (one left by a crash is only read, when interval is 0). */
  private boolean logging() {
    return log != null && !checkpointInterval.isZero();
  }

  /** Gives the images a bulk run added their neighbour lists ({@link IndexGraph#linkPending}). */
  void linkPending() throws IOException {
    lock.lock();
    try {
      if (graph.linksOnClose()) {
        refresh();
        searchers.readAsIs(graph::linkPending);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The closing checkpoint, after {@link #linkPending}; the log is then empty and removed. */
  void close() throws IOException {
    linkPending();
    checkpoint();
    if (log != null) {
      log.close();
    }
  }

  /**
   * Commits and copies that commit to {@code target} while writes go on: the snapshot policy keeps
   * the commit's segment files from being deleted until the copy is done. Its graph file is copied
   * under the write lock, because the next commit deletes it.
   */
  IndexSnapshot snapshot(Path target) throws IOException {
    try (SnapshotCopy copy = new SnapshotCopy(target)) {
      IndexCommit commit;
      lock.lock();
      try {
        checkpoint();
        commit = commits.snapshot();
        if (graphFile.isPresent()) {
          copy.copy(directory, List.of(graphFile.get()));
        }
      } finally {
        lock.unlock();
      }
      long images;
      try {
        copy.copy(directory, commit.getFileNames());
        try (DirectoryReader reader = DirectoryReader.open(commit)) {
          images = reader.numDocs();
        }
      } finally {
        commits.release(commit);
        writer.deleteUnusedFiles();
      }
      copy.publish();
      return new IndexSnapshot(copy.target(), images, copy.files(), copy.bytes());
    }
  }
}
