package dev.lookalike.index.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * An index's near-real-time searchers, refreshed when they are read after a change rather than
 * after every change: a read sees every change written before it began, while uploads with no
 * search between them share one refresh (each refresh flushes a segment, later merged away, and
 * took a quarter of the server's time under concurrent uploads when done after every batch).
 */
final class Searchers implements Closeable {

  /** How a read uses a searcher. */
  interface Read<T> {
    T read(IndexSearcher searcher) throws IOException;
  }

  private final SearcherManager manager;
  private final AtomicLong changes = new AtomicLong();
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile long refreshedUpTo;

  Searchers(SearcherManager manager) {
    this.manager = manager;
  }

  /** Records a change written to the index: the next read refreshes before it searches. */
  void changed() {
    changes.incrementAndGet();
  }

  /** Reads a searcher that sees every change recorded before the call. */
  <T> T read(Read<T> read) throws IOException {
    refreshUpTo(changes.get());
    return readAsIs(read);
  }

  /**
   * Reads the current searcher without refreshing it: for the writer, which knows what it has
   * written since its own last {@link #refresh()}.
   */
  <T> T readAsIs(Read<T> read) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return read.read(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  /** Refreshes now, so that the current searcher sees every change recorded before the call. */
  void refresh() throws IOException {
    refreshUpTo(changes.get());
  }

  private void refreshUpTo(long change) throws IOException {
    if (refreshedUpTo >= change) {
      return;
    }
    refreshing.lock();
    try {
      // Another read may have refreshed past this change while this one waited for the lock.
      if (refreshedUpTo < change) {
        long upTo = changes.get();
        manager.maybeRefreshBlocking();
        refreshedUpTo = upTo;
      }
    } finally {
      refreshing.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    manager.close();
  }
}
