package dev.lookalike.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.RandomImages;
import dev.lookalike.index.lucene.LuceneIndexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writers share commits, and each returns only when its write is in a commit: what a
 * fresh reader of the directory sees (the durable state, not the writer's view) holds every write
 * acknowledged before it was opened.
 */
class GroupCommitTest {

  private static final ModelIdentity MODEL = new ModelIdentity("m", 16, 64);

  @TempDir Path dir;

  @Test
  void concurrentWritersShareCommitsAndReturnOnlyWhenDurable() throws Exception {
    RandomImages images = new RandomImages(new Random(5), MODEL);
    int writers = 8;
    int each = 25;
    // Without the write-ahead log, so that durable means in a Lucene commit, which a fresh reader
    // sees (the log's own durability is WriteAheadLogTest's).
    try (ImageIndex index = LuceneIndexes.open(dir, IndexSettings.defaults().withoutLog(), MODEL)) {
      CountingCommits counted = new CountingCommits(index);
      GroupCommit group = new GroupCommit(counted);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    ImageRecord record = images.record(writer * 1000 + i);
                    counted.add(List.of(record));
                    group.awaitDurable();
                    // acknowledged: a reader of what is on disk must see it
                    try (FSDirectory disk = FSDirectory.open(dir);
                        DirectoryReader reader = DirectoryReader.open(disk)) {
                      assertTrue(reader.numDocs() >= 1);
                      assertTrue(
                          new org.apache.lucene.search.IndexSearcher(reader)
                                  .count(
                                      new org.apache.lucene.search.TermQuery(
                                          new org.apache.lucene.index.Term("id", record.id())))
                              == 1,
                          record.id() + " acknowledged but not committed");
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertEquals(writers * each, index.count());
      assertEquals(counted.commits(), group.commits());
      assertTrue(
          group.commits() < writers * each,
          group.commits() + " commits for " + writers * each + " writes: none were shared");
    }
  }
}
