package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookalike.codes.Codes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The contract's check of concurrent use: searches keep answering while another thread writes. */
final class ConcurrentUse {

  private ConcurrentUse() {}

  /** Three searching threads, every mode, while batches are added, deleted and committed. */
  static void searchWhileWriting(ImageIndex index, RandomImages images, Random random, String where)
      throws Exception {
    List<Codes> queries = new ArrayList<>();
    for (int q = 0; q < 20; q++) {
      queries.add(images.codes().query());
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> searchers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        long threadSeed = random.nextLong();
        searchers.add(pool.submit(() -> searchMany(index, queries, new Random(threadSeed))));
      }
      for (int b = 0; b < 10; b++) {
        List<ImageRecord> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          batch.add(images.record(1000 + b * 20 + i));
        }
        index.add(batch);
        index.delete("img" + (1000 + b * 20 - 7));
        if (b % 3 == 0) {
          index.commit();
        }
      }
      for (Future<Integer> searcher : searchers) {
        assertEquals(150, searcher.get(), where);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int searchMany(ImageIndex index, List<Codes> queries, Random random)
      throws IOException {
    int done = 0;
    for (int i = 0; i < 150; i++) {
      SearchMode mode = SearchMode.values()[random.nextInt(SearchMode.values().length)];
      List<Hit> hits =
          index.search(queries.get(random.nextInt(queries.size())), SearchParams.of(10, mode));
      if (hits.size() != 10) {
        throw new AssertionError(mode + " returned " + hits.size() + " hits");
      }
      done++;
    }
    return done;
  }
}
