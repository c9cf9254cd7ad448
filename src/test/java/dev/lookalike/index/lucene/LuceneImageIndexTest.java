package dev.lookalike.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.Codes;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelMismatchException;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.StoredImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Add, search in every mode, delete, filter and reopen, on clustered random codes. */
class LuceneImageIndexTest {

  private static final int DIM = 16;
  private static final int BITS = 64;
  private static final int N = 600;
  private static final String MODEL = "model-a";

  private static Coder coder;
  private static List<float[]> latents;
  private static List<Codes> codes;

  @BeforeAll
  static void data() {
    Random random = new Random(7);
    float[][] centres = new float[12][DIM];
    for (float[] centre : centres) {
      for (int d = 0; d < DIM; d++) {
        centre[d] = (float) random.nextGaussian() * 3;
      }
    }
    latents = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      float[] centre = centres[i % centres.length];
      float[] v = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        v[d] = centre[d] + (float) random.nextGaussian();
      }
      latents.add(v);
    }
    coder = new Coder(Binarizer.fit(latents.toArray(new float[0][]), BITS, BinarizerMethod.ITQ, 1));
    codes = latents.stream().map(coder::code).toList();
  }

  private static ImageRecord record(int i) {
    return new ImageRecord(
        "img" + i,
        "test:" + i,
        "c" + (i % 12),
        Map.of("n", Integer.toString(i)),
        new byte[] {1, 2, 3},
        codes.get(i));
  }

  private static LuceneImageIndex filled(Path dir) throws IOException {
    LuceneImageIndex index = LuceneImageIndex.open(dir, IndexSettings.defaults(), MODEL, DIM, BITS);
    List<ImageRecord> records = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      records.add(record(i));
    }
    index.add(records);
    index.commit();
    return index;
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  @Test
  void exactSearchRanksByCosineAndFindsTheQueryFirst(@TempDir Path dir) throws IOException {
    try (LuceneImageIndex index = filled(dir)) {
      List<Hit> hits = index.search(codes.get(5), SearchParams.of(10, SearchMode.EXACT));
      assertEquals(10, hits.size());
      assertEquals("img5", hits.get(0).id());
      assertEquals(1f, hits.get(0).score(), 1e-5);
      assertEquals(0, hits.get(0).hamming());
      for (int i = 1; i < hits.size(); i++) {
        assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "scores must not increase");
        assertEquals(1f - hits.get(i).score(), hits.get(i).distance(), 1e-5);
      }
      // brute force in the test itself agrees with the index
      float[] q = codes.get(5).dense();
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        order.add(i);
      }
      order.sort((a, b) -> Float.compare(codes.get(b).cosine(q), codes.get(a).cosine(q)));
      assertEquals(order.subList(0, 10).stream().map(i -> "img" + i).toList(), ids(hits));
    }
  }

  @Test
  void hnswAndHybridRecallAtLeastNinetyPercentOfExact(@TempDir Path dir) throws IOException {
    try (LuceneImageIndex index = filled(dir)) {
      double dense = 0;
      double hybrid = 0;
      int queries = 40;
      for (int q = 0; q < queries; q++) {
        Codes query = codes.get(q * 13 % N);
        Set<String> truth =
            new HashSet<>(ids(index.search(query, SearchParams.of(10, SearchMode.EXACT))));
        dense += overlap(truth, index.search(query, SearchParams.of(10, SearchMode.DENSE)));
        hybrid += overlap(truth, index.search(query, SearchParams.of(10, SearchMode.HYBRID)));
      }
      assertTrue(dense / queries >= 0.9, "HNSW recall@10 " + dense / queries);
      assertTrue(hybrid / queries >= 0.9, "hybrid recall@10 " + hybrid / queries);
    }
  }

  private static double overlap(Set<String> truth, List<Hit> hits) {
    return hits.stream().filter(h -> truth.contains(h.id())).count() / (double) truth.size();
  }

  @Test
  void hashSearchEqualsALinearHammingRanking(@TempDir Path dir) throws IOException {
    try (LuceneImageIndex index = filled(dir)) {
      for (int q : new int[] {0, 17, 333}) {
        long[] query = codes.get(q).bits();
        List<Hit> hits = index.search(codes.get(q), SearchParams.of(25, SearchMode.HASH));
        assertEquals(25, hits.size());
        List<Integer> distances = hits.stream().map(Hit::hamming).toList();
        List<Integer> expected = new ArrayList<>();
        for (Codes c : codes) {
          expected.add(dev.lookalike.codes.BinaryCodes.hamming(query, c.bits()));
        }
        expected.sort(Integer::compare);
        assertEquals(expected.subList(0, 25), distances, "query " + q);
        assertEquals(1f - (float) distances.get(3) / BITS, hits.get(3).score(), 1e-6);
      }
    }
  }

  @Test
  void pagingAndLabelFilterWorkInsideTheSearch(@TempDir Path dir) throws IOException {
    try (LuceneImageIndex index = filled(dir)) {
      for (SearchMode mode : SearchMode.values()) {
        List<Hit> filtered = index.search(codes.get(0), new SearchParams(20, 0, mode, "c3"));
        assertEquals(20, filtered.size(), mode + " must find 20 images labelled c3 (50 exist)");
        assertTrue(filtered.stream().allMatch(h -> "c3".equals(h.label())), mode.toString());
      }
      List<Hit> first = index.search(codes.get(9), new SearchParams(20, 0, SearchMode.EXACT, null));
      List<Hit> second =
          index.search(codes.get(9), new SearchParams(10, 10, SearchMode.EXACT, null));
      assertEquals(ids(first).subList(10, 20), ids(second));
    }
  }

  @Test
  void filteredPagedSearchEqualsABruteForceOverTheFilteredImages(@TempDir Path dir)
      throws IOException {
    try (LuceneImageIndex index = filled(dir)) {
      Codes query = index.codes("img77").orElseThrow(); // search by an indexed image
      float[] q = query.dense();
      List<Integer> c5 = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        if (i % 12 == 5) {
          c5.add(i);
        }
      }
      c5.sort(
          (a, b) -> {
            int byScore = Float.compare(codes.get(b).cosine(q), codes.get(a).cosine(q));
            return byScore != 0 ? byScore : Integer.compare(a, b);
          });
      List<String> expected = c5.subList(10, 20).stream().map(i -> "img" + i).toList();
      for (SearchMode mode : List.of(SearchMode.EXACT, SearchMode.DENSE, SearchMode.HYBRID)) {
        assertEquals(
            expected,
            ids(index.search(query, new SearchParams(10, 10, mode, "c5"))),
            mode.toString());
      }
    }
  }

  @Test
  void addingTheSameIdTwiceReplacesAndDeleteRemoves(@TempDir Path dir) throws IOException {
    try (LuceneImageIndex index = filled(dir)) {
      index.add(List.of(record(3), record(4)));
      assertEquals(N, index.count());
      assertTrue(index.delete("img3"));
      assertFalse(index.delete("img3"));
      assertFalse(index.contains("img3"));
      assertEquals(N - 1, index.count());
      for (SearchMode mode : SearchMode.values()) {
        assertFalse(
            ids(index.search(codes.get(3), SearchParams.of(5, mode))).contains("img3"),
            mode.toString());
      }
      assertEquals(Map.of("n", "4"), index.get("img4").orElseThrow().metadata());
      assertEquals("c4", index.get("img4").orElseThrow().label());
      assertEquals(3, index.thumbnail("img4").orElseThrow().length);
      Codes stored = index.codes("img4").orElseThrow();
      assertEquals(List.of(codes.get(4).bits()[0]), List.of(stored.bits()[0]));
    }
  }

  @Test
  void reopenedIndexAnswersIdentically(@TempDir Path dir) throws IOException {
    List<Hit> before;
    try (LuceneImageIndex index = filled(dir)) {
      before = index.search(codes.get(42), SearchParams.of(15, SearchMode.HYBRID));
    }
    try (LuceneImageIndex index =
        LuceneImageIndex.open(dir, IndexSettings.defaults(), MODEL, DIM, BITS)) {
      assertEquals(N, index.count());
      assertEquals(before, index.search(codes.get(42), SearchParams.of(15, SearchMode.HYBRID)));
    }
  }

  @Test
  void anIndexRefusesCodesOfAnotherModel(@TempDir Path dir) throws IOException {
    filled(dir).close();
    try (LuceneImageIndex index =
        LuceneImageIndex.open(dir, IndexSettings.defaults(), "model-b", DIM, BITS)) {
      assertEquals(MODEL, index.indexedModel());
      ModelMismatchException e =
          assertThrows(
              ModelMismatchException.class,
              () -> index.search(codes.get(0), SearchParams.of(5, SearchMode.DENSE)));
      assertTrue(
          e.getMessage().contains(MODEL) && e.getMessage().contains("model-b"), e.getMessage());
      assertThrows(ModelMismatchException.class, () -> index.add(List.of(record(1))));
      assertEquals(N, index.count(), "nothing was written");
    }
  }

  @Test
  void outliersAreTheWorstReconstructedImages(@TempDir Path dir) throws IOException {
    try (LuceneImageIndex index =
        LuceneImageIndex.open(dir, IndexSettings.defaults(), MODEL, DIM, BITS)) {
      List<ImageRecord> records = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        records.add(
            new ImageRecord(
                "img" + i, "test:" + i, null, Map.of(), null, codes.get(i), (i * 7) % 30 / 100f));
      }
      records.add(new ImageRecord("unknown", "test:unknown", null, Map.of(), null, codes.get(40)));
      index.add(records);
      List<StoredImage> worst = index.outliers(3);
      assertEquals(
          List.of(0.29f, 0.28f, 0.27f),
          worst.stream().map(StoredImage::reconstructionError).toList());
      assertEquals(30, index.outliers(100).size(), "images without an error are not ranked");
      assertThrows(IllegalArgumentException.class, () -> index.outliers(0));
    }
  }

  @Test
  void duplicatesAreGroupsOfCodesWithinTheHammingBound(@TempDir Path dir) throws IOException {
    try (LuceneImageIndex index =
        LuceneImageIndex.open(dir, IndexSettings.defaults(), MODEL, DIM, BITS)) {
      long[] base = codes.get(0).bits();
      long[] oneBit = {base[0] ^ 1L};
      long[] fiveBits = {base[0] ^ 0b11111L << 20};
      long[] far = {~base[0]};
      index.add(
          List.of(
              new ImageRecord(
                  "a", "t:a", null, Map.of(), null, new Codes(codes.get(0).dense(), base)),
              new ImageRecord(
                  "b", "t:b", null, Map.of(), null, new Codes(codes.get(0).dense(), base.clone())),
              new ImageRecord(
                  "c", "t:c", null, Map.of(), null, new Codes(codes.get(0).dense(), oneBit)),
              new ImageRecord(
                  "d", "t:d", null, Map.of(), null, new Codes(codes.get(0).dense(), fiveBits)),
              new ImageRecord(
                  "e", "t:e", null, Map.of(), null, new Codes(codes.get(0).dense(), far))));
      List<List<StoredImage>> exact = index.duplicates(0, 10);
      assertEquals(1, exact.size());
      assertEquals(
          Set.of("a", "b"),
          exact.get(0).stream().map(StoredImage::id).collect(java.util.stream.Collectors.toSet()));
      assertEquals(
          Set.of("a", "b", "c"),
          index.duplicates(1, 10).get(0).stream()
              .map(StoredImage::id)
              .collect(java.util.stream.Collectors.toSet()));
      assertEquals(4, index.duplicates(6, 10).get(0).size(), "d is 5 bits from a and 6 from c");
      assertThrows(IllegalArgumentException.class, () -> index.duplicates(12, 10));
    }
  }

  @Test
  void parametersAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> SearchParams.of(0, SearchMode.DENSE));
    assertThrows(
        IllegalArgumentException.class,
        () -> SearchParams.of(SearchParams.MAX_K + 1, SearchMode.DENSE));
    assertThrows(
        IllegalArgumentException.class, () -> new SearchParams(10, -1, SearchMode.DENSE, null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SearchMode.parse("fuzzy"));
    assertTrue(e.getMessage().contains("hybrid"), e.getMessage());
  }
}
