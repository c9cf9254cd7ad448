package dev.lookalike.index.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Codes;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.IndexedImage;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log of the embedded index: an acknowledged change (a commit that synced only the
 * log) survives a crash, simulated by copying the index directory as the disk holds it while the
 * index is still open — the Lucene commit from before the changes, the segments flushed since, and
 * the log.
 */
class WriteAheadLogTest {

  private static final ModelIdentity MODEL = new ModelIdentity("model-wal", 16, 8);

  private static ImageRecord record(int i) {
    Random random = new Random(i);
    float[] dense = new float[MODEL.latent()];
    double norm = 0;
    for (int d = 0; d < dense.length; d++) {
      dense[d] = (float) random.nextGaussian();
      norm += dense[d] * dense[d];
    }
    for (int d = 0; d < dense.length; d++) {
      dense[d] /= (float) Math.sqrt(norm);
    }
    return new ImageRecord(
        "img" + i,
        "test:" + i,
        i % 2 == 0 ? "even" : null,
        Map.of("n", "" + i),
        new byte[] {1, 2, (byte) i},
        new Codes(dense, new long[] {random.nextLong()}),
        i / 10f);
  }

  private static List<ImageRecord> records(int from, int to) {
    return IntStream.range(from, to).mapToObj(WriteAheadLogTest::record).toList();
  }

  /** What the disk holds at this moment, as a crash would leave it. */
  private static Path crashCopy(Path index, Path target) throws IOException {
    Files.createDirectories(target);
    try (var files = Files.list(index)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }

  /**
   * Adds image 0 and commits (a new index's first commit is a Lucene commit), then adds images 1 to
   * {@code images - 1} and commits again (the log only).
   */
  private static void commitOneLogTheRest(ImageIndex index, int images) throws IOException {
    index.add(records(0, 1));
    index.commit();
    index.add(records(1, images));
    index.commit();
  }

  /** The directory a crash leaves after {@link #commitOneLogTheRest}. */
  private static Path crashedWithLog(Path dir, int images) throws IOException {
    try (ImageIndex index =
        LuceneIndexes.open(dir.resolve("live"), IndexSettings.defaults(), MODEL)) {
      commitOneLogTheRest(index, images);
      return crashCopy(dir.resolve("live"), dir.resolve("crashed"));
    }
  }

  private static long committedImages(Path index) throws IOException {
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.numDocs();
    }
  }

  @Test
  void acknowledgedChangesSurviveACrashBeforeTheCheckpoint(@TempDir Path dir) throws IOException {
    Path live = dir.resolve("live");
    Path crashed;
    try (ImageIndex index = LuceneIndexes.open(live, IndexSettings.defaults(), MODEL)) {
      index.add(records(0, 5));
      index.commit(); // first commit: nothing to replay yet
      index.add(records(5, 40));
      index.delete("img3");
      index.add(List.of(record(4))); // a replacement
      index.commit(); // syncs the log only: the interval (30 s) has not passed
      crashed = crashCopy(live, dir.resolve("crashed"));
    }
    assertEquals(5, committedImages(crashed), "the Lucene commit holds the first five only");

    try (ImageIndex recovered = LuceneIndexes.open(crashed, IndexSettings.defaults(), MODEL)) {
      assertEquals(39, recovered.count());
      assertTrue(recovered.get("img3").isEmpty(), "the delete was replayed");
      IndexedImage img7 = recovered.get("img7").orElseThrow();
      assertEquals(record(7).codes().dense()[0], img7.codes().dense()[0]);
      assertArrayEquals(
          record(7).thumbnailPng(), recovered.thumbnails(List.of("img7")).get("img7"));
      assertEquals(Map.of("n", "7"), img7.image().metadata());
      // The neighbour graph came back too: diffusion finds an image by its own code first.
      List<Hit> hits =
          recovered.search(record(21).codes(), SearchParams.of(3, SearchMode.DIFFUSION));
      assertEquals("img21", hits.getFirst().id());
    }
    assertEquals(39, committedImages(crashed), "recovery ends with a checkpoint");
    assertFalse(Files.exists(crashed.resolve(WriteAheadLog.NAME)), "closed: no log left");
  }

  @Test
  void aTornLastEntryIsDroppedAndTheRestApplied(@TempDir Path dir) throws IOException {
    Path crashed = crashedWithLog(dir, 10);
    Path log = crashed.resolve(WriteAheadLog.NAME);
    assertTrue(Files.size(log) > 0, "nine images are in the log");
    // Half an entry, as a crash in the middle of an append leaves it (never synced, never acked).
    byte[] torn = new byte[40];
    torn[3] = 100; // claims a 100-byte payload, holds 28
    Files.write(log, torn, StandardOpenOption.APPEND);

    try (ImageIndex recovered = LuceneIndexes.open(crashed, IndexSettings.defaults(), MODEL)) {
      assertEquals(10, recovered.count());
      recovered.add(records(10, 12));
      recovered.commit();
    }
    try (ImageIndex reopened = LuceneIndexes.open(crashed, IndexSettings.defaults(), MODEL)) {
      assertEquals(12, reopened.count(), "appends after the cut-off tail are read back");
    }
  }

  @Test
  void replayingChangesTheCommitHoldsChangesNothing(@TempDir Path dir) throws IOException {
    Path live = dir.resolve("live");
    byte[] log;
    IndexedImage before;
    try (ImageIndex index = LuceneIndexes.open(live, IndexSettings.defaults(), MODEL)) {
      commitOneLogTheRest(index, 20);
      log = Files.readAllBytes(live.resolve(WriteAheadLog.NAME));
      before = index.get("img11").orElseThrow();
    } // the closing checkpoint commits everything and removes the log
    // A crash between that commit and emptying the log leaves both.
    Files.write(live.resolve(WriteAheadLog.NAME), log);
    assertEquals(20, committedImages(live));

    try (ImageIndex recovered = LuceneIndexes.open(live, IndexSettings.defaults(), MODEL)) {
      assertEquals(20, recovered.count(), "replaced, not duplicated");
      IndexedImage after = recovered.get("img11").orElseThrow();
      assertEquals(before.image().addedAt(), after.image().addedAt(), "same time as first added");
    }
  }

  @Test
  void aWriterWithoutALogStillAppliesOneACrashLeft(@TempDir Path dir) throws IOException {
    Path crashed = crashedWithLog(dir, 8);
    assertEquals(1, committedImages(crashed));
    try (ImageIndex bulk =
        LuceneIndexes.open(crashed, IndexSettings.defaults().withoutLog(), MODEL)) {
      assertEquals(8, bulk.count());
      bulk.add(records(8, 10));
      bulk.commit();
      assertEquals(10, committedImages(crashed), "without a log, a commit is a Lucene commit");
      assertEquals(0, Files.size(crashed.resolve(WriteAheadLog.NAME)), "nothing logged");
    }
    assertFalse(Files.exists(crashed.resolve(WriteAheadLog.NAME)));
  }

  @Test
  void theCheckpointFollowsTheInterval(@TempDir Path dir) throws IOException {
    for (Duration interval : List.of(Duration.ofHours(1), Duration.ofMillis(1))) {
      Path path = dir.resolve(interval.toString());
      try (ImageIndex index =
          LuceneIndexes.open(path, new IndexSettings(16, 100, 15, interval), MODEL)) {
        index.add(records(0, 1));
        index.commit(); // a Lucene commit: the first
        index.add(records(1, 6));
        sleepPastOneMillisecond();
        index.commit();
        boolean due = interval.toMillis() == 1;
        assertEquals(due ? 6 : 1, committedImages(path), "checkpoint due: " + due);
        assertEquals(due, Files.size(path.resolve(WriteAheadLog.NAME)) == 0);
      }
    }
  }

  @Test
  void aQuietIndexIsCheckpointedOnATimer(@TempDir Path dir) throws Exception {
    try (ImageIndex index =
        LuceneIndexes.open(dir, new IndexSettings(16, 100, 15, Duration.ofMillis(200)), MODEL)) {
      commitOneLogTheRest(index, 5); // the second commit: the log only, unless already due
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (committedImages(dir) < 5 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(5, committedImages(dir), "no write came, yet the log was checkpointed");
      assertEquals(0, Files.size(dir.resolve(WriteAheadLog.NAME)));
    }
  }

  private static void sleepPastOneMillisecond() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
