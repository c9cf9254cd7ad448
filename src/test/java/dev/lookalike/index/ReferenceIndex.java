package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.BinaryCodes;
import dev.lookalike.codes.Codes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an index under test should hold, and the rankings it should return, by brute force.
 *
 * <p>Ties: an index may order hits of equal distance as it likes (Lucene: by internal doc id), so
 * rankings are compared tie-aware: position i of the index's answer must hold a distinct live image
 * whose distance equals that of position i of the brute force ranking (exactly for Hamming
 * distances, within float rounding for cosine). Without ties this is equality of ids and order.
 */
final class ReferenceIndex {

  private static final double COSINE_EPSILON = 1e-5;

  private final Map<String, ImageRecord> live = new LinkedHashMap<>();

  void add(ImageRecord record) {
    live.put(record.id(), record);
  }

  void delete(String id) {
    live.remove(id);
  }

  List<ImageRecord> records() {
    return List.copyOf(live.values());
  }

  ImageRecord get(String id) {
    return live.get(id);
  }

  /** The distance a mode ranks by, smaller first: Hamming in hash mode, else −cosine. */
  static double distance(SearchMode mode, Codes query, Codes image) {
    return mode == SearchMode.HASH
        ? BinaryCodes.hamming(query.bits(), image.bits())
        : -query.cosine(image.dense());
  }

  /** Every live image (with the label, if given) ranked by the mode's distance, ties by id. */
  List<ImageRecord> ranking(Codes query, SearchMode mode, String label) {
    List<ImageRecord> ranked = new ArrayList<>();
    for (ImageRecord record : live.values()) {
      if (label == null || label.equals(record.label())) {
        ranked.add(record);
      }
    }
    ranked.sort(
        Comparator.comparingDouble((ImageRecord r) -> distance(mode, query, r.codes()))
            .thenComparing(ImageRecord::id));
    return ranked;
  }

  /** The brute-force answer to a request: its page of {@link #ranking}. */
  List<ImageRecord> expected(Codes query, SearchParams params) {
    List<ImageRecord> ranked = ranking(query, params.mode(), params.label());
    int from = Math.min(params.offset(), ranked.size());
    return ranked.subList(from, Math.min(ranked.size(), params.window()));
  }

  /** Asserts that {@code hits} are the brute-force answer, tie-aware (see the class comment). */
  void assertSameRanking(String message, Codes query, SearchParams params, List<Hit> hits) {
    List<ImageRecord> expected = expected(query, params);
    String where = message + " " + params;
    assertEquals(expected.size(), hits.size(), where + ": hit count");
    double epsilon = params.mode() == SearchMode.HASH ? 0 : COSINE_EPSILON;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < hits.size(); i++) {
      Hit hit = hits.get(i);
      assertHitIsLive(where, query, params, hit);
      assertTrue(seen.add(hit.id()), where + ": " + hit.id() + " returned twice");
      double want = distance(params.mode(), query, expected.get(i).codes());
      double got = distance(params.mode(), query, live.get(hit.id()).codes());
      assertEquals(
          want, got, epsilon, where + ": rank " + i + " is " + hit.id() + ", expected " + expected);
    }
  }

  /** Asserts the hit is a live image, with the filter's label and correctly reported distances. */
  void assertHitIsLive(String where, Codes query, SearchParams params, Hit hit) {
    ImageRecord record = live.get(hit.id());
    assertNotNull(record, where + ": " + hit.id() + " is not (or no longer) indexed");
    if (params.label() != null) {
      assertEquals(params.label(), record.label(), where + ": filter ignored for " + hit.id());
    }
    assertEquals(record.uri(), hit.uri(), where);
    assertTrue(Objects.equals(record.label(), hit.label()), where);
    assertEquals(BinaryCodes.hamming(query.bits(), record.codes().bits()), hit.hamming(), where);
    float cosine = query.cosine(record.codes().dense());
    assertEquals(1 - cosine, hit.distance(), COSINE_EPSILON, where + ": distance of " + hit.id());
  }

  /**
   * What hybrid mode returns when its hash stage is perfect: the {@code hybridFactor × window}
   * nearest images by Hamming distance (ties by id), re-ranked by cosine. Hybrid's recall is
   * measured against this, so the test measures the index's candidate lookup, not how well these
   * random binary codes happen to agree with their dense codes.
   */
  List<ImageRecord> hybridExpected(Codes query, SearchParams params) {
    List<ImageRecord> candidates = ranking(query, SearchMode.HASH, params.label());
    int pool = (int) Math.min(candidates.size(), (long) params.window() * params.hybridFactor());
    List<ImageRecord> reranked = new ArrayList<>(candidates.subList(0, pool));
    reranked.sort(
        Comparator.comparingDouble((ImageRecord r) -> -query.cosine(r.codes().dense()))
            .thenComparing(ImageRecord::id));
    int from = Math.min(params.offset(), reranked.size());
    return reranked.subList(from, Math.min(reranked.size(), params.window()));
  }

  /**
   * Share of the brute-force answer among the hits: the top {@code k} by the mode's measure, or
   * {@link #hybridExpected} for hybrid mode.
   */
  double recall(Codes query, SearchParams params, List<Hit> hits) {
    List<ImageRecord> truth =
        params.mode() == SearchMode.HYBRID
            ? hybridExpected(query, params)
            : expected(query, params);
    Set<String> found = new HashSet<>();
    hits.forEach(h -> found.add(h.id()));
    return truth.isEmpty()
        ? 1
        : truth.stream().filter(r -> found.contains(r.id())).count() / (double) truth.size();
  }
}
