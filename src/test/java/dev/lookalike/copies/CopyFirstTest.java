package dev.lookalike.copies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lookalike.codes.Codes;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageEdits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy check on a real index whose codes know nothing of the pixels: the codes put the copy's
 * original somewhere among the first hits, and only the check can bring it to the top.
 */
class CopyFirstTest {

  private static final int IMAGES = 40;

  @TempDir static Path dir;

  private static TwinsIndex twins;
  private static ImageIndex index;
  private static Codes query;

  @BeforeAll
  static void index() throws IOException {
    twins = TwinsIndex.open(dir, IMAGES, 21, 9, false);
    index = twins.index();
    query = twins.query();
  }

  @AfterAll
  static void close() throws IOException {
    twins.close();
  }

  private static Map<String, FloatImage> pixels(List<String> ids) {
    return twins.pixels(ids);
  }

  private static FloatImage image(String id) {
    return twins.image(id);
  }

  private static SearchParams exact(int k, int offset) {
    return new SearchParams(k, offset, SearchMode.EXACT, null);
  }

  private static SearchParams byHash(int k, int offset) {
    return new SearchParams(k, offset, SearchMode.HASH, null);
  }

  /** An edited copy of the image the codes rank at {@code rank}, at the model's input size. */
  private static FloatImage copyOfRank(int rank) throws IOException {
    return copyOf(index.search(query, exact(IMAGES, 0)).get(rank).id(), rank);
  }

  private static FloatImage copyOf(String id, long seed) {
    byte[] jpeg = new ImageEdits(seed).copyOf(image(id));
    return ImagePipeline.withDefaults(ImageSpec.grey(NearTwins.SIZE)).toInput(jpeg);
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  @Test
  void theOriginalAmongTheCandidatesComesFirstAndTheRestKeepTheirOrder() throws IOException {
    FloatImage copy = copyOfRank(6);
    List<String> plain = ids(index.search(query, exact(10, 0)));
    List<String> checked =
        ids(
            new CopyFirst(CopyCheck.DEFAULT)
                .search(index, query, copy, exact(10, 0), CopyFirstTest::pixels));
    List<String> expected = new ArrayList<>(plain);
    expected.add(0, expected.remove(6));
    assertEquals(expected, checked);
  }

  @Test
  void anOriginalBeyondTheCandidatesStaysWhereTheCodesPutIt() throws IOException {
    FloatImage copy = copyOfRank(12);
    List<String> plain = ids(index.search(query, exact(20, 0)));
    CopyFirst check = new CopyFirst(new CopyCheck(8, 0.7f));
    assertEquals(plain, ids(check.search(index, query, copy, exact(20, 0), CopyFirstTest::pixels)));
    CopyFirst wider = new CopyFirst(new CopyCheck(13, 0.7f));
    assertEquals(
        plain.get(12),
        wider.search(index, query, copy, exact(20, 0), CopyFirstTest::pixels).get(0).id());
  }

  @Test
  void pagesAreSlicesOfTheCheckedRanking() throws IOException {
    FloatImage copy = copyOfRank(9);
    CopyFirst check = new CopyFirst(new CopyCheck(16, 0.7f));
    List<String> whole =
        ids(check.search(index, query, copy, exact(IMAGES, 0), CopyFirstTest::pixels));
    assertNotEquals(ids(index.search(query, exact(IMAGES, 0))), whole);
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < IMAGES; offset += 3) {
      paged.addAll(ids(check.search(index, query, copy, exact(3, offset), CopyFirstTest::pixels)));
    }
    assertEquals(whole, paged);
  }

  @Test
  void anOriginalTheModeRanksLowIsFoundByTheDenseCodeAndPagesStayOneRanking() throws IOException {
    int candidates = 8;
    List<String> byHash = ids(index.search(query, byHash(IMAGES, 0)));
    List<String> nearest =
        ids(index.search(query, new SearchParams(candidates, 0, SearchMode.DENSE, null)));
    String original =
        nearest.stream()
            .filter(id -> byHash.indexOf(id) >= candidates)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the codes agree; no image to test with"));
    FloatImage copy = copyOf(original, 5);
    CopyFirst check = new CopyFirst(new CopyCheck(candidates, 0.7f));
    List<String> expected = new ArrayList<>(byHash);
    expected.remove(original);
    expected.add(0, original);
    assertEquals(
        expected, ids(check.search(index, query, copy, byHash(IMAGES, 0), CopyFirstTest::pixels)));
    for (int pageSize : new int[] {3, 7}) {
      List<String> paged = new ArrayList<>();
      for (int offset = 0; offset < IMAGES; offset += pageSize) {
        paged.addAll(
            ids(check.search(index, query, copy, byHash(pageSize, offset), CopyFirstTest::pixels)));
      }
      assertEquals(expected, paged, "pages of " + pageSize);
    }
  }

  @Test
  void nothingMovesWhenNoCandidateReachesTheThreshold() throws IOException {
    FloatImage unrelated = NearTwins.of(1, 1, 999).get(0);
    List<String> plain = ids(index.search(query, exact(10, 0)));
    assertEquals(
        plain,
        ids(
            new CopyFirst(CopyCheck.DEFAULT)
                .search(index, query, unrelated, exact(10, 0), CopyFirstTest::pixels)));
    assertEquals(
        plain,
        ids(
            new CopyFirst(CopyCheck.OFF)
                .search(index, query, copyOfRank(6), exact(10, 0), CopyFirstTest::pixels)));
  }

  @Test
  void underAMarginOnlyAMatchThatStandsOutMoves() throws IOException {
    FloatImage copy = copyOfRank(6);
    List<String> plain = ids(index.search(query, exact(10, 0)));
    CopyFirst strict = new CopyFirst(new CopyCheck(CopyCheck.DEFAULT_CANDIDATES, 0.7f, 0.05f, 0));
    // the original among its near twins stands out
    assertEquals(
        plain.get(6),
        strict.search(index, query, copy, exact(10, 0), CopyFirstTest::pixels).get(0).id());
    // a second hit with the original's very pixels: two equal matches, neither stands out
    CopyFirst.Pixels twinned =
        ids -> {
          Map<String, FloatImage> pixels = pixels(ids);
          pixels.put(plain.get(2), image(plain.get(6)));
          return pixels;
        };
    assertEquals(plain, ids(strict.search(index, query, copy, exact(10, 0), twinned)));
    assertEquals(
        plain.get(2),
        new CopyFirst(CopyCheck.DEFAULT)
            .search(index, query, copy, exact(10, 0), twinned)
            .get(0)
            .id(),
        "without a margin the earlier of two equal matches moves");
  }
}
