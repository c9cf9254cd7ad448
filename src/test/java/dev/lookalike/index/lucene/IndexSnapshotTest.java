package dev.lookalike.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Codes;
import dev.lookalike.graph.ChainAndCluster;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.IndexSnapshot;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots taken while writes go on, and their restore. */
class IndexSnapshotTest {

  private static final ModelIdentity MODEL =
      new ModelIdentity("snapshot-test", ChainAndCluster.DIMENSIONS, 64);

  @TempDir Path dir;

  private final Random random = new Random(7);

  private ImageRecord record(String id) {
    float[] v = new float[ChainAndCluster.DIMENSIONS];
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) random.nextGaussian();
    }
    long[] bits = {random.nextLong()};
    return new ImageRecord(id, "test:" + id, null, Map.of(), new byte[0], new Codes(v, bits));
  }

  private List<ImageRecord> records(String prefix, int n) {
    List<ImageRecord> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(record(prefix + i));
    }
    return records;
  }

  /** Every mode's top 10 for each query, as ids. */
  private static List<List<String>> answers(ImageIndex index, List<ImageRecord> queries)
      throws IOException {
    List<List<String>> answers = new ArrayList<>();
    for (ImageRecord query : queries) {
      for (SearchMode mode : SearchMode.values()) {
        SearchParams params = SearchParams.of(10, mode);
        answers.add(index.search(query.codes(), params).stream().map(Hit::id).toList());
      }
    }
    return answers;
  }

  /**
   * Waits until the snapshot under {@code snapshots} has taken its commit: its first file (the
   * neighbour graph, copied under the write lock right after the commit) exists, or it is done.
   * Writes that start earlier could land in the snapshot's commit.
   */
  private static void awaitSnapshotCommit(Path snapshots) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(snapshots)) {
        try (Stream<Path> copies = Files.list(snapshots)) {
          for (Path copy : copies.toList()) {
            try (Stream<Path> files = Files.list(copy)) {
              if (files.findAny().isPresent()) {
                return;
              }
            } catch (java.nio.file.NoSuchFileException renamed) {
              return; // the partial copy was published meanwhile
            }
          }
        }
      }
      Thread.sleep(1);
    }
    throw new AssertionError("the snapshot never took its commit");
  }

  @Test
  void aRestoredSnapshotAnswersAsTheIndexDidWhenItWasTaken() throws Exception {
    Path live = dir.resolve("live");
    List<ImageRecord> queries = records("query", 12);
    List<List<String>> atSnapshot;
    IndexSnapshot snapshot;
    try (ImageIndex index = LuceneIndexes.open(live, IndexSettings.defaults(), MODEL)) {
      index.add(records("a", 1500));
      index.delete("a7");
      // Not committed by the caller: the snapshot commits what was written before it.
      atSnapshot = answers(index, queries);
      ExecutorService writer = Executors.newSingleThreadExecutor();
      try {
        Future<?> writing =
            writer.submit(
                () -> {
                  awaitSnapshotCommit(dir.resolve("snapshots"));
                  for (int batch = 0; batch < 20; batch++) {
                    index.add(records("b" + batch + "-", 40));
                    index.delete("a" + batch);
                    index.commit();
                  }
                  return null;
                });
        snapshot = index.snapshot(dir.resolve("snapshots/first"));
        writing.get();
      } finally {
        writer.shutdown();
      }
      assertEquals(1499, snapshot.images(), "what was written before the snapshot, no more");
      assertEquals(1499 + 800 - 20 + 1, index.count(), "writes went on during the copy");
    }
    assertTrue(snapshot.files() > 1 && snapshot.bytes() > 0, snapshot.toString());
    try (Stream<Path> left = Files.list(dir.resolve("snapshots"))) {
      assertEquals(List.of(dir.resolve("snapshots/first")), left.toList(), "no partial copy left");
    }

    Path restored = dir.resolve("restored");
    IndexSnapshot back = LuceneIndexes.restore(snapshot.directory(), restored);
    assertEquals(1499, back.images());
    try (FSDirectory files = FSDirectory.open(restored);
        CheckIndex check = new CheckIndex(files)) {
      assertTrue(check.checkIndex().clean);
    }
    try (ImageIndex index = LuceneIndexes.openReadOnly(restored, MODEL)) {
      assertEquals(1499, index.count());
      assertFalse(index.get("a7").isPresent());
      assertEquals(atSnapshot, answers(index, queries), "every mode, diffusion's graph included");
    }
  }

  @Test
  void snapshotsNeverOverwriteAndRestoreNeedsAnEmptyTarget() throws IOException {
    Path live = dir.resolve("live");
    Path first = dir.resolve("first");
    try (ImageIndex index = LuceneIndexes.open(live, IndexSettings.defaults(), MODEL)) {
      index.add(records("a", 20));
      index.snapshot(first);
      assertThrows(FileAlreadyExistsException.class, () -> index.snapshot(first));
    }
    IllegalArgumentException busy =
        assertThrows(IllegalArgumentException.class, () -> LuceneIndexes.restore(first, live));
    assertTrue(busy.getMessage().contains("not empty"), busy.getMessage());
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> LuceneIndexes.restore(Files.createDirectory(dir.resolve("x")), dir.resolve("y")));
    assertTrue(none.getMessage().contains("no index snapshot"), none.getMessage());
    assertEquals(
        20, LuceneIndexes.restore(first, Files.createDirectory(dir.resolve("e"))).images());
  }
}
