package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Codes;
import dev.lookalike.graph.DiffusionParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The contract every {@link ImageIndex} keeps, after Lucene's {@code BaseKnnVectorQueryTestCase}:
 * subclasses only supply the factories. Every case is randomized from one seed (printed when a test
 * fails; rerun with {@code -Dtests.seed=}) over an index built in committed batches (several
 * segments) with deletions and replacements, and checked against a brute force ({@link
 * ReferenceIndex}).
 */
public abstract class ImageIndexContractTest {

  protected static final ModelIdentity MODEL = new ModelIdentity("model-a", 16, 128);

  /** Hash candidates per hit in the recall tests (hybrid is measured against its definition). */

  /**
   * Least recall: dense against the exact cosine top k; hybrid against its own definition (the
   * Hamming-nearest candidates re-ranked by cosine, {@link ReferenceIndex#hybridExpected}), which
   * it approaches but need not reach: its bucket lookup stops widening once it has enough
   * candidates, and candidates tied in Hamming distance at the pool's edge may differ.
   */
  private static double leastRecall(SearchMode mode) {
    return mode == SearchMode.HYBRID ? 0.9 : 0.95;
  }

  private static final int HYBRID_FACTOR = 20;

  protected final long seed =
      System.getProperty("tests.seed") != null
          ? Long.decode(System.getProperty("tests.seed"))
          : new Random().nextLong();

  protected final Random random = new Random(seed);

  @RegisterExtension
  final TestWatcher seedReporter =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          System.err.printf(
              "%s failed; reproduce with -Dtests.seed=%d%n", context.getDisplayName(), seed);
        }
      };

  /** A new, empty index for codes of {@code model}; each call a different one. */
  protected abstract ImageIndex openEmpty(ModelIdentity model) throws IOException;

  /** The index last returned by {@link #openEmpty}, opened again after it was closed. */
  protected abstract ImageIndex reopen(ModelIdentity model) throws IOException;

  /** Everything the last index persisted (e.g. a digest of its files), to prove nothing changed. */
  protected abstract Object persistedState() throws IOException;

  /** An index of {@code n} random images, see {@link RandomImages#fill}. */
  private ImageIndex build(RandomImages images, ReferenceIndex reference, int n)
      throws IOException {
    return images.fill(openEmpty(MODEL), reference, n, seed);
  }

  private SearchParams params(int k, int offset, SearchMode mode, String label) {
    return RandomParams.of(random, k, offset, mode, label, HYBRID_FACTOR);
  }

  @Test
  void exactAndHashSearchEqualBruteForce() throws IOException {
    RandomImages images = new RandomImages(random, MODEL);
    ReferenceIndex reference = new ReferenceIndex();
    try (ImageIndex index = build(images, reference, 600 + random.nextInt(400))) {
      for (int q = 0; q < 20; q++) {
        Codes query = images.codes().query();
        for (SearchMode mode : List.of(SearchMode.EXACT, SearchMode.HASH)) {
          SearchParams params = params(1 + random.nextInt(100), 0, mode, null);
          reference.assertSameRanking("seed " + seed, query, params, index.search(query, params));
        }
      }
    }
  }

  @Test
  void denseAndHybridRecallReachTheirBounds() throws IOException {
    RandomImages images = new RandomImages(random, MODEL);
    ReferenceIndex reference = new ReferenceIndex();
    try (ImageIndex index = build(images, reference, 800 + random.nextInt(400))) {
      for (SearchMode mode : List.of(SearchMode.DENSE, SearchMode.HYBRID)) {
        for (int k : new int[] {10, 100}) {
          double recall = 0;
          int queries = 25;
          for (int q = 0; q < queries; q++) {
            Codes query = images.codes().query();
            SearchParams params =
                new SearchParams(k, 0, mode, null, HYBRID_FACTOR, 2, DiffusionParams.DEFAULT);
            List<Hit> hits = index.search(query, params);
            hits.forEach(h -> reference.assertHitIsLive("seed " + seed, query, params, h));
            recall += reference.recall(query, params, hits) / queries;
          }
          assertTrue(
              recall >= leastRecall(mode),
              "seed " + seed + ": " + mode + " recall@" + k + " " + recall);
        }
      }
    }
  }

  @Test
  void diffusionKeepsTheNearestOnTopAndAWindowWithinThemIsTheDenseSearch() throws IOException {
    RandomImages images = new RandomImages(random, MODEL);
    try (ImageIndex index = build(images, new ReferenceIndex(), 400 + random.nextInt(200))) {
      DiffusionChecks.keepsTheNearestOnTop(index, images, random, "seed " + seed);
    }
  }

  @Test
  void labelFilterAndPagingEqualBruteForceOverTheFilteredImages() throws IOException {
    RandomImages images = new RandomImages(random, MODEL);
    ReferenceIndex reference = new ReferenceIndex();
    try (ImageIndex index = build(images, reference, 600 + random.nextInt(300))) {
      for (SearchMode mode : SearchMode.values()) {
        double recall = 0;
        int queries = 12;
        for (int q = 0; q < queries; q++) {
          Codes query = images.codes().query();
          String label = images.label();
          SearchParams page = params(1 + random.nextInt(30), random.nextInt(40), mode, label);
          List<Hit> hits = index.search(query, page);
          SearchParams unpaged = RandomParams.unpaged(page);
          List<Hit> all = index.search(query, unpaged);
          String where = "seed " + seed;
          assertEquals(all.subList(Math.min(page.offset(), all.size()), all.size()), hits, where);
          if (mode == SearchMode.EXACT || mode == SearchMode.HASH) {
            reference.assertSameRanking(where, query, page, hits);
          } else {
            assertEquals(reference.expected(query, page).size(), hits.size(), where + page);
            hits.forEach(h -> reference.assertHitIsLive(where, query, page, h));
            recall += reference.recall(query, unpaged, all) / queries;
          }
        }
        if (mode == SearchMode.DENSE || mode == SearchMode.HYBRID) {
          assertTrue(
              recall >= leastRecall(mode),
              "seed " + seed + ": filtered " + mode + " recall " + recall);
        }
      }
    }
  }

  @Test
  void reopenedIndexAnswersIdenticallyAndOpeningWritesNothing() throws IOException {
    RandomImages images = new RandomImages(random, MODEL);
    ReferenceIndex reference = new ReferenceIndex();
    List<Codes> queries = new ArrayList<>();
    List<SearchParams> requests = new ArrayList<>();
    List<List<Hit>> before = new ArrayList<>();
    try (ImageIndex index = build(images, reference, 400 + random.nextInt(200))) {
      for (SearchMode mode : SearchMode.values()) {
        for (int q = 0; q < 5; q++) {
          String label = q % 2 == 0 ? null : images.label();
          queries.add(images.codes().query());
          requests.add(params(1 + random.nextInt(50), random.nextInt(10), mode, label));
          before.add(index.search(queries.getLast(), requests.getLast()));
        }
      }
    }
    Object persisted = persistedState();
    try (ImageIndex index = reopen(MODEL)) {
      assertEquals(reference.records().size(), index.count());
      for (int i = 0; i < queries.size(); i++) {
        assertEquals(
            before.get(i),
            index.search(queries.get(i), requests.get(i)),
            "seed " + seed + ": " + requests.get(i));
      }
      for (ImageRecord record : reference.records().subList(0, 20)) {
        IndexedImage stored = index.get(record.id()).orElseThrow();
        assertEquals(record.uri(), stored.image().uri());
        assertEquals(record.label(), stored.image().label());
        assertEquals(record.metadata(), stored.image().metadata());
        assertArrayEquals(record.thumbnailPng(), stored.thumbnailPng());
        assertArrayEquals(
            record.thumbnailPng(), index.thumbnails(List.of(record.id())).get(record.id()));
        assertArrayEquals(record.codes().dense(), stored.codes().dense());
        assertArrayEquals(record.codes().bits(), stored.codes().bits());
      }
    }
    assertEquals(persisted, persistedState(), "opening, searching and closing wrote something");
  }

  @Test
  void anotherModelIsRefusedWithNothingWritten() throws IOException {
    RandomImages images = new RandomImages(random, MODEL);
    ReferenceIndex reference = new ReferenceIndex();
    build(images, reference, 200).close();
    Object persisted = persistedState();
    List<ModelIdentity> others =
        List.of(
            new ModelIdentity("model-b", MODEL.latent(), MODEL.bits()),
            new ModelIdentity(MODEL.fingerprint(), MODEL.latent() / 2, MODEL.bits()),
            new ModelIdentity(MODEL.fingerprint(), MODEL.latent(), MODEL.bits() / 2));
    for (ModelIdentity other : others) {
      assertRefused(other);
      assertEquals(persisted, persistedState(), "refusing " + other + " wrote something");
    }
    try (ImageIndex index = reopen(MODEL)) {
      assertEquals(reference.records().size(), index.count());
    }
  }

  /** Either opening with {@code other} is refused, or every add and search through it is. */
  private void assertRefused(ModelIdentity other) throws IOException {
    RandomImages otherImages = new RandomImages(random, other);
    ImageIndex opened;
    try {
      opened = reopen(other);
    } catch (ModelMismatchException e) {
      assertTrue(e.getMessage().contains(MODEL.toString()), e.getMessage());
      assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
      return;
    }
    try (ImageIndex index = opened) {
      assertThrows(ModelMismatchException.class, () -> index.add(List.of(otherImages.record(0))));
      assertThrows(
          ModelMismatchException.class,
          () -> index.search(otherImages.codes().query(), SearchParams.of(5, SearchMode.EXACT)));
    }
  }

  @Test
  void concurrentSearchesWhileWritingNeverFail() throws Exception {
    RandomImages images = new RandomImages(random, MODEL);
    try (ImageIndex index = build(images, new ReferenceIndex(), 300)) {
      ConcurrentUse.searchWhileWriting(index, images, random, "seed " + seed);
    }
  }

  @Test
  void scanVisitsEveryLiveImageOnceInIdOrder() throws IOException {
    RandomImages images = new RandomImages(random, MODEL);
    ReferenceIndex reference = new ReferenceIndex();
    try (ImageIndex index = build(images, reference, 200 + random.nextInt(200))) {
      CollectionViewChecks.scanVisitsEveryLiveImageOnceInIdOrder(
          index, reference, random, "seed " + seed);
    }
  }

  @Test
  void analyticsSeeOnlyLiveImages() throws IOException {
    try (ImageIndex index = openEmpty(MODEL)) {
      CollectionViewChecks.analyticsSeeOnlyLiveImages(index, new RandomImages(random, MODEL));
    }
  }

  @Test
  void storesReplacesAndDeletes() throws IOException {
    try (ImageIndex index = openEmpty(MODEL)) {
      StoredImageChecks.storesReplacesAndDeletes(index, new RandomImages(random, MODEL));
    }
  }

  @Test
  void copySketchesAreThoseOfTheStoredThumbnails() throws IOException {
    try (ImageIndex index = openEmpty(MODEL)) {
      StoredImageChecks.copySketchesAreThoseOfTheStoredThumbnails(
          index, new RandomImages(random, MODEL));
    }
  }
}
