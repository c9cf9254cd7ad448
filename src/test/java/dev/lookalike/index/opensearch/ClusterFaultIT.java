package dev.lookalike.index.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Codes;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.RandomImages;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of one node of the two-node cluster while searches and writes run: every search
 * still answers in full, every acknowledged write is there once the node is back, and the cluster
 * returns to green.
 *
 * <p>The node killed is the one that is not the elected cluster manager: with two manager-eligible
 * nodes the voting configuration holds one of them, and losing that one stops all writes until it
 * returns (production clusters run three manager-eligible nodes; see docker/compose.yaml and README
 * "Scaling out").
 */
class ClusterFaultIT {

  private static final ModelIdentity MODEL = new ModelIdentity("fault-model", 16, 64);

  private final TestCluster cluster = TestCluster.running();
  private final Random random = new Random(11);

  @Test
  void searchesAnswerAndAcknowledgedWritesSurviveAKilledNode() throws Exception {
    RandomImages images = new RandomImages(random, MODEL);
    String name = "fault-" + Long.toHexString(System.nanoTime());
    OpenSearchSettings settings = OpenSearchSettings.of(name, 2, 1);
    List<Codes> queries = new ArrayList<>();
    for (int q = 0; q < 20; q++) {
      queries.add(images.codes().query());
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<Throwable> searchErrors = new CopyOnWriteArrayList<>();
    AtomicInteger searches = new AtomicInteger();
    AtomicInteger refusedWrites = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (ImageIndex index =
        OpenSearchIndexes.open(cluster.connection(), IndexSettings.defaults(), settings, MODEL)) {
      List<ImageRecord> first = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        first.add(images.record(i));
      }
      index.add(first);
      first.forEach(r -> acknowledged.add(r.id()));
      cluster.awaitGreen(Duration.ofSeconds(60));

      List<Future<?>> loops = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Random threadRandom = new Random(random.nextLong());
        loops.add(
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    SearchMode mode =
                        List.of(SearchMode.DENSE, SearchMode.HYBRID, SearchMode.EXACT)
                            .get(threadRandom.nextInt(3));
                    try {
                      int hits =
                          index
                              .search(
                                  queries.get(threadRandom.nextInt(queries.size())),
                                  SearchParams.of(10, mode))
                              .size();
                      if (hits != 10) {
                        searchErrors.add(new AssertionError(mode + " answered " + hits + " hits"));
                      }
                      searches.incrementAndGet();
                    } catch (Exception e) {
                      searchErrors.add(e);
                    }
                  }
                }));
      }
      loops.add(
          pool.submit(
              () -> {
                for (int n = 1000; !stop.get(); n += 10) {
                  List<ImageRecord> batch = new ArrayList<>();
                  for (int i = n; i < n + 10; i++) {
                    batch.add(images.record(i));
                  }
                  try {
                    index.add(batch);
                    batch.forEach(r -> acknowledged.add(r.id()));
                  } catch (Exception e) {
                    // not acknowledged: it may or may not have been written
                    refusedWrites.incrementAndGet();
                    System.err.println("write refused during the outage: " + e);
                  }
                }
              }));

      Thread.sleep(2_000);
      int manager = cluster.clusterManager(1);
      int victim = manager == 1 ? 2 : 1;
      int before = searches.get();
      cluster.kill(victim);
      Thread.sleep(8_000);
      int duringOutage = searches.get() - before;
      cluster.start(victim);
      cluster.awaitGreen(Duration.ofSeconds(150));
      Thread.sleep(1_000);
      stop.set(true);
      for (Future<?> loop : loops) {
        loop.get();
      }

      assertEquals(List.of(), searchErrors, "searches failed while node " + victim + " was down");
      assertTrue(duringOutage > 10, "only " + duringOutage + " searches ran during the outage");
      index.commit();
      long count = index.count();
      assertTrue(
          count >= acknowledged.size() && count <= acknowledged.size() + 10L * refusedWrites.get(),
          count
              + " images for "
              + acknowledged.size()
              + " acknowledged, "
              + refusedWrites
              + " refused batches");
      for (String id : acknowledged) {
        assertTrue(index.get(id).isPresent(), "acknowledged image " + id + " was lost");
      }
      assertTrue(cluster.get(1, "/_cluster/health").contains("\"status\":\"green\""));
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }
}
