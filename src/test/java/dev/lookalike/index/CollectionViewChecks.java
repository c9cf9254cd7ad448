package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Codes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract's checks of the views of a whole collection — paging through it by id, and the
 * {@link CollectionAnalytics} — kept apart from the search cases of {@link ImageIndexContractTest},
 * which runs them on every engine.
 */
final class CollectionViewChecks {

  private CollectionViewChecks() {}

  /** Scanning in pages of random size visits every live image once, in id order, intact. */
  static void scanVisitsEveryLiveImageOnceInIdOrder(
      ImageIndex index, ReferenceIndex reference, Random random, String where) throws IOException {
    List<ImageRecord> expected = new ArrayList<>(reference.records());
    expected.sort(Comparator.comparing(ImageRecord::id));
    List<IndexedImage> scanned = new ArrayList<>();
    String after = null;
    for (List<IndexedImage> page = index.scan(null, 1 + random.nextInt(60));
        !page.isEmpty();
        page = index.scan(after, 1 + random.nextInt(60))) {
      scanned.addAll(page);
      after = page.getLast().id();
    }
    assertEquals(
        expected.stream().map(ImageRecord::id).toList(),
        scanned.stream().map(IndexedImage::id).toList(),
        where);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).codes().dense(), scanned.get(i).codes().dense());
      assertArrayEquals(expected.get(i).codes().bits(), scanned.get(i).codes().bits());
      assertArrayEquals(expected.get(i).thumbnailPng(), scanned.get(i).thumbnailPng());
      assertEquals(expected.get(i).metadata(), scanned.get(i).image().metadata());
    }
    String middle = expected.get(expected.size() / 2).id();
    assertEquals(
        expected.get(expected.size() / 2 + 1).id(),
        index.scan(middle, 1).getFirst().id(),
        "a scan starts after the given id");
    assertTrue(index.scan(expected.getLast().id(), 10).isEmpty());
  }

  /** Labels, outliers, duplicates and the sample count live images only. */
  static void analyticsSeeOnlyLiveImages(ImageIndex index, RandomImages images) throws IOException {
    Codes base = images.codes().query();
    long[] bits = base.bits();
    long[][] variants = {
      bits,
      bits.clone(),
      {bits[0] ^ 1L, bits[1]},
      {bits[0] ^ 0b11111L << 20, bits[1]},
      {~bits[0], ~bits[1]},
      bits.clone()
    };
    List<ImageRecord> records = new ArrayList<>();
    for (int i = 0; i < variants.length; i++) {
      String id = Character.toString('a' + i);
      records.add(
          new ImageRecord(
              id,
              "t:" + id,
              "c" + i % 3,
              Map.of(),
              null,
              new Codes(base.dense(), variants[i]),
              i == 4 ? Float.NaN : i / 10f));
    }
    index.add(records);
    index.commit();
    index.delete("f"); // a deleted duplicate is no duplicate, a deleted outlier no outlier
    CollectionAnalytics analytics = index.analytics();
    assertEquals(List.of("c0", "c1", "c2"), analytics.labels());
    index.delete("c"); // the last c2 goes, and the label with it
    assertEquals(List.of("c0", "c1"), analytics.labels());
    index.add(List.of(records.get(2)));

    assertEquals(
        List.of("d", "c", "b"),
        analytics.outliers(3).stream().map(StoredImage::id).toList(),
        "worst reconstructed first");
    assertEquals(4, analytics.outliers(100).size(), "images without an error are not ranked");
    assertThrows(IllegalArgumentException.class, () -> analytics.outliers(0));

    assertEquals(List.of(Set.of("a", "b")), groups(analytics.duplicates(0, 10)));
    assertEquals(List.of(Set.of("a", "b", "c")), groups(analytics.duplicates(1, 10)));
    assertEquals(
        List.of(Set.of("a", "b", "c", "d")),
        groups(analytics.duplicates(6, 10)),
        "d is 5 bits from a and 6 from c");
    assertThrows(IllegalArgumentException.class, () -> analytics.duplicates(200, 10));

    List<CodeSample> sample = analytics.sample(3);
    assertEquals(3, sample.size());
    assertEquals(3, sample.stream().map(CodeSample::id).distinct().count());
    for (CodeSample s : sample) {
      assertArrayEquals(base.dense(), s.dense(), s.id());
    }
    assertEquals(5, analytics.sample(100).size(), "every live image when asked for more");
  }

  private static List<Set<String>> groups(List<List<StoredImage>> groups) {
    return groups.stream()
        .map(g -> g.stream().map(StoredImage::id).collect(Collectors.toSet()))
        .toList();
  }
}
