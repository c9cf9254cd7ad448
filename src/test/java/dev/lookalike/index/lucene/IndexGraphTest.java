package dev.lookalike.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Codes;
import dev.lookalike.graph.ChainAndCluster;
import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.graph.Neighbours;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neighbour graph kept by the Lucene index: its lists, its file, and diffusion mode. */
class IndexGraphTest {

  private static final ModelIdentity MODEL =
      new ModelIdentity("graph-test", ChainAndCluster.DIMENSIONS, 64);

  @TempDir Path dir;

  private final Random random = new Random(42);

  private ImageIndex open() throws IOException {
    return LuceneIndexes.open(dir, IndexSettings.defaults(), MODEL);
  }

  private ImageRecord record(String id, float[] dense) {
    long[] bits = {random.nextLong()};
    return new ImageRecord(id, "test:" + id, null, Map.of(), new byte[0], new Codes(dense, bits));
  }

  private float[] randomCode() {
    int cluster = random.nextInt(8);
    float[] v = new float[ChainAndCluster.DIMENSIONS];
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) random.nextGaussian() * 0.3f + (d == cluster ? 1f : 0f);
    }
    float norm = (float) Math.sqrt(ChainAndCluster.dot(v, v));
    for (int d = 0; d < v.length; d++) {
      v[d] /= norm;
    }
    return v;
  }

  @Test
  void listsAreTheNearestLiveImagesAfterAddsDeletesAndReplacements() throws IOException {
    Map<String, float[]> live = new LinkedHashMap<>();
    int next = 0;
    try (ImageIndex index = open()) {
      // One batch larger than a chunk: its later chunks find the earlier ones through HNSW.
      for (int batch : new int[] {1100, 200, 1, 150}) {
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          records.add(record("img" + next++, randomCode()));
        }
        index.add(records);
        records.forEach(r -> live.put(r.id(), r.codes().dense()));
        List<String> ids = new ArrayList<>(live.keySet());
        for (int d = 0; d < 30; d++) {
          String id = ids.get(random.nextInt(ids.size()));
          if (live.remove(id) != null) {
            assertTrue(index.delete(id));
          }
        }
        ImageRecord replacement = record(ids.get(0), randomCode());
        index.add(List.of(replacement));
        live.put(replacement.id(), replacement.codes().dense());
      }
      index.commit();
    }
    try (LuceneImageIndex reopened = (LuceneImageIndex) open()) {
      assertListsAreNearest(reopened.graph(), nodesById(dir), live);
    }
  }

  @Test
  void uploadsOneAtATimeShareRefreshesYetEveryReadSeesThem() throws IOException {
    Map<String, float[]> live = new LinkedHashMap<>();
    try (ImageIndex index = open()) {
      for (int i = 0; i < 400; i++) {
        ImageRecord record = record("img" + i, randomCode());
        index.add(List.of(record));
        live.put(record.id(), record.codes().dense());
        if (i % 37 == 36) { // replaced and deleted before any read refreshed the searcher
          ImageRecord replacement = record("img" + (i - 1), randomCode());
          index.add(List.of(replacement));
          live.put(replacement.id(), replacement.codes().dense());
          assertTrue(index.delete("img" + (i - 2)));
          live.remove("img" + (i - 2));
        }
        if (i % 50 == 49) { // a read right after an add finds it
          List<Hit> hits =
              index.search(query(record.codes().dense()), SearchParams.of(5, SearchMode.DENSE));
          assertEquals(record.id(), hits.get(0).id());
          SearchParams all = SearchParams.of(live.size() + 10, SearchMode.EXACT);
          assertEquals(live.size(), index.search(query(randomCode()), all).size());
        }
      }
      index.commit();
    }
    try (LuceneImageIndex reopened = (LuceneImageIndex) open()) {
      assertListsAreNearest(reopened.graph(), nodesById(dir), live);
    }
  }

  @Test
  void uploadsWithNoReadBetweenThemFlushOneSegment() throws IOException {
    try (ImageIndex index = open()) {
      for (int i = 0; i < 300; i++) {
        index.add(List.of(record("img" + i, randomCode())));
      }
      // Refreshed after every add, they would have flushed 300 tiny segments to merge away.
      assertEquals(1, index.stats().segments());
      assertEquals(300, index.stats().count());
    }
  }

  static void assertListsAreNearest(
      NeighbourGraph graph, Map<String, Integer> nodes, Map<String, float[]> live) {
    assertEquals(live.keySet(), nodes.keySet());
    Map<Integer, String> ids = new HashMap<>();
    nodes.forEach((id, node) -> ids.put(node, id));
    double overlap = 0;
    for (Map.Entry<String, float[]> image : live.entrySet()) {
      int node = nodes.get(image.getKey());
      Neighbours.Nearest nearest = new Neighbours.Nearest(node, graph.degree());
      live.forEach((id, code) -> nearest.offer(nodes.get(id), dot(image.getValue(), code)));
      Set<Integer> expected = new HashSet<>();
      for (int n : nearest.neighbours().nodes()) {
        expected.add(n);
      }
      int[] listed = graph.neighbours(node).nodes();
      assertEquals(graph.degree(), listed.length, image.getKey());
      for (int n : listed) {
        assertTrue(ids.containsKey(n), image.getKey() + " lists the removed node " + n);
        overlap += expected.contains(n) ? 1.0 / listed.length / live.size() : 0;
      }
    }
    assertTrue(overlap >= 0.97, "lists hold " + overlap + " of the true nearest");
  }

  private static float dot(float[] a, float[] b) {
    return ChainAndCluster.dot(a, b);
  }

  /** Live image id → graph node, read from the committed documents. */
  static Map<String, Integer> nodesById(Path dir) throws IOException {
    Map<String, Integer> nodes = new HashMap<>();
    try (FSDirectory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafCodes codes = new LeafCodes(leaf.reader(), 0);
        Bits liveDocs = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (liveDocs == null || liveDocs.get(doc)) {
            nodes.put(stored.document(doc).get(IndexFields.ID), codes.node(doc));
          }
        }
      }
    }
    return nodes;
  }

  @Test
  void aMissingOrDamagedGraphFileIsRebuiltFromTheCodes() throws IOException {
    List<float[]> queries = Stream.generate(this::randomCode).limit(10).toList();
    List<List<Hit>> before = new ArrayList<>();
    try (ImageIndex index = open()) {
      List<ImageRecord> records = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        records.add(record("img" + i, randomCode()));
      }
      index.add(records);
      index.commit();
      for (float[] q : queries) {
        before.add(index.search(query(q), SearchParams.of(20, SearchMode.DIFFUSION)));
      }
    }
    for (boolean damage : new boolean[] {false, true}) {
      Path file = graphFile();
      if (damage) {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
      } else {
        Files.delete(file);
      }
      try (ImageIndex index = open()) {
        for (int i = 0; i < queries.size(); i++) {
          assertEquals(
              before.get(i),
              index.search(query(queries.get(i)), SearchParams.of(20, SearchMode.DIFFUSION)),
              damage ? "after damage" : "after deletion");
        }
      }
      assertFalse(Files.exists(file), "the rebuilt graph is saved under a new name on close");
    }
  }

  @Test
  void aGraphFileLeftByACrashBeforeItsCommitDoesNotBlockTheNextCommit() throws IOException {
    try (ImageIndex index = open()) {
      index.add(List.of(record("a", randomCode()), record("b", randomCode())));
      index.commit();
    }
    // killed after writing the next commit's graph file, before the commit that would name it
    String name = graphFile().getFileName().toString();
    long generation = Long.parseLong(name.substring("graph-".length(), name.indexOf(".lkg")));
    Files.write(dir.resolve("graph-" + (generation + 1) + ".lkg"), new byte[] {1, 2, 3});
    try (ImageIndex index = open()) {
      index.add(List.of(record("c", randomCode())));
      index.commit();
      assertEquals(3, index.count());
    }
    try (ImageIndex index = open()) {
      assertEquals(3, index.count());
      assertTrue(index.get("c").isPresent());
    }
  }

  private Path graphFile() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> graphs =
          files.filter(p -> p.getFileName().toString().startsWith("graph-")).toList();
      assertEquals(1, graphs.size(), "one graph file per commit: " + graphs);
      return graphs.get(0);
    }
  }

  private Codes query(float[] dense) {
    return new Codes(dense, new long[] {0L});
  }

  @Test
  void anIndexedImageComesBackFirstForItsOwnCode() throws IOException {
    try (ImageIndex index = open()) {
      List<ImageRecord> records = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        records.add(record("img" + i, randomCode()));
      }
      index.add(records);
      for (int q = 0; q < 40; q++) {
        ImageRecord record = records.get(random.nextInt(records.size()));
        List<Hit> hits =
            index.search(query(record.codes().dense()), SearchParams.of(10, SearchMode.DIFFUSION));
        assertEquals(record.id(), hits.get(0).id(), "its own code must rank it first");
      }
    }
  }

  @Test
  void diffusionModeFollowsTheCollectionWhereCosineDoesNot() throws IOException {
    ChainAndCluster data = new ChainAndCluster(random, 120, 80);
    try (ImageIndex index = open()) {
      List<ImageRecord> records = new ArrayList<>();
      float[][] all = data.all();
      for (int i = 0; i < all.length; i++) {
        records.add(record((i < 120 ? "chain" : "cluster") + i, all[i]));
      }
      index.add(records);
      long chainByCosine = chainHits(index, data, SearchMode.EXACT);
      assertTrue(chainByCosine < 100, "cosine alone should mix the cluster in: " + chainByCosine);
      assertEquals(120, chainHits(index, data, SearchMode.DIFFUSION));
    }
  }

  private long chainHits(ImageIndex index, ChainAndCluster data, SearchMode mode)
      throws IOException {
    return index.search(query(data.query()), SearchParams.of(120, mode)).stream()
        .filter(h -> h.id().startsWith("chain"))
        .count();
  }
}
