package dev.lookalike.index.lucene;

import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

/**
 * Every change to a writable index, one at a time: documents through the {@link IndexWriter}, the
 * neighbour graph through {@link IndexGraph}, and commits that record both together.
 *
 * <p>Images are written in chunks with a refresh after each, so later chunks find earlier ones as
 * neighbours through HNSW and the neighbours within a chunk are compared directly.
 */
final class IndexWrites {

  /** Images linked and written between refreshes. */
  private static final int CHUNK = 1024;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final IndexGraph graph;
  private final ModelIdentity model;
  private final Clock clock;
  private final SnapshotDeletionPolicy commits;
  private final ReentrantLock lock = new ReentrantLock();
  private Optional<String> graphFile;

  IndexWrites(
      Directory directory,
      IndexWriter writer,
      SnapshotDeletionPolicy commits,
      SearcherManager searchers,
      IndexGraph graph,
      Optional<String> graphFile,
      ModelIdentity model,
      Clock clock) {
    this.directory = directory;
    this.writer = writer;
    this.commits = commits;
    this.searchers = searchers;
    this.graph = graph;
    this.graphFile = graphFile;
    this.model = model;
    this.clock = clock;
  }

  void add(List<ImageRecord> records) throws IOException {
    lock.lock();
    try {
      long now = clock.millis();
      int first = graph.nextNode();
      List<Document> docs = new ArrayList<>(records.size());
      for (int i = 0; i < records.size(); i++) {
        // Validates every record before any is written.
        docs.add(Documents.toDocument(records.get(i), model, now, first + i));
      }
      for (int from = 0; from < records.size(); from += CHUNK) {
        int to = Math.min(records.size(), from + CHUNK);
        addChunk(records.subList(from, to), docs.subList(from, to));
      }
    } finally {
      lock.unlock();
    }
  }

  private void addChunk(List<ImageRecord> records, List<Document> docs) throws IOException {
    float[][] vectors = new float[records.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = records.get(i).codes().dense();
    }
    Set<Integer> replaced = new HashSet<>();
    IndexSearcher before = searchers.acquire();
    try {
      for (ImageRecord record : records) {
        node(before, record.id()).ifPresent(replaced::add);
      }
      graph.link(before, vectors, replaced);
    } finally {
      searchers.release(before);
    }
    for (int i = 0; i < docs.size(); i++) {
      writer.updateDocument(new Term(IndexFields.ID, records.get(i).id()), docs.get(i));
    }
    searchers.maybeRefreshBlocking();
    if (!replaced.isEmpty()) {
      removeFromGraph(replaced);
    }
  }

  boolean delete(String id) throws IOException {
    lock.lock();
    try {
      Optional<Integer> node;
      IndexSearcher before = searchers.acquire();
      try {
        node = node(before, id);
      } finally {
        searchers.release(before);
      }
      if (node.isEmpty()) {
        return false;
      }
      writer.deleteDocuments(new Term(IndexFields.ID, id));
      searchers.maybeRefreshBlocking();
      removeFromGraph(Set.of(node.get()));
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void removeFromGraph(Set<Integer> nodes) throws IOException {
    IndexSearcher after = searchers.acquire();
    try {
      graph.remove(after, nodes);
    } finally {
      searchers.release(after);
    }
  }

  /**
   * Makes every change durable: the graph file is written and synced first, then the Lucene commit
   * names it, so a crash between the two leaves the previous commit and its graph intact.
   */
  void commit() throws IOException {
    lock.lock();
    try {
      if (!writer.hasUncommittedChanges() && !graph.dirty()) {
        return;
      }
      String file = GraphFiles.next(graphFile);
      GraphFiles.write(directory, file, graph.graph());
      writer.setLiveCommitData(CommitData.of(model, file).entrySet());
      writer.commit();
      graphFile = Optional.of(file);
      graph.saved();
      GraphFiles.deleteAllBut(directory, file);
    } finally {
      lock.unlock();
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
        commit();
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

  /** The graph node of the live image {@code id}, if there is one. */
  private static Optional<Integer> node(IndexSearcher searcher, String id) throws IOException {
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
