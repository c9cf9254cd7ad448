package dev.lookalike.eval;

import dev.lookalike.codes.Codes;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.copies.CopyFirst;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.image.Thumbnailer;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.ModelIdentity;
import dev.lookalike.index.ScratchIndexes;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The search modes served by the configured engine, on a scratch index of the database's codes
 * built as {@code index} builds one (neighbour graph included). Each mode gets two rows: its
 * ranking at k = 1,000 (mAP@1000 needs it) and what it serves at k = 10, with that search's
 * latency; the two differ where a mode's work depends on k (e.g. diffusion's shortlist, hybrid's
 * candidates).
 */
final class IndexedModes {

  private static final int CUTOFF = Methods.CUTOFF;
  private static final int SERVED_K = 10;

  private final ModelIdentity model;
  private final ScratchIndexes scratch;
  private final SearchParams tuning;
  private final CopyCheck copyCheck;
  private final Consumer<String> log;

  /**
   * @param tuning the modes' tuning; its mode is the default mode, measured once more with {@code
   *     copyCheck} when that is enabled
   */
  IndexedModes(
      ModelIdentity model,
      ScratchIndexes scratch,
      SearchParams tuning,
      CopyCheck copyCheck,
      Consumer<String> log) {
    this.model = model;
    this.scratch = scratch;
    this.tuning = tuning;
    this.copyCheck = copyCheck;
    this.log = log;
  }

  /**
   * Every mode's rows.
   *
   * @param served whether to add the k = 10 rows (every query searched once more at k = 10)
   */
  List<MethodResult> measure(
      LabeledImages database, LabeledImages queries, Rows dense, Rows.Bits codes, boolean served)
      throws IOException {
    log.accept(
        "building an HNSW + hash index and neighbour graph of " + database.size() + " codes");
    List<MethodResult> results = new ArrayList<>();
    try (ImageIndex index = scratch.open(model)) {
      List<ImageRecord> records = new ArrayList<>(database.size());
      // thumbnails only for what the server derives from them, the copy check's sketches
      Thumbnailer thumbnails = copyCheck.sketches() ? new Thumbnailer() : null;
      for (int i = 0; i < database.size(); i++) {
        Codes code = new Codes(dense.database()[i], codes.database()[i]);
        byte[] png =
            thumbnails == null ? null : thumbnails.pngFromFloatImage(database.images().get(i));
        records.add(
            new ImageRecord(Integer.toString(i), database.uri(i), null, Map.of(), png, code));
      }
      index.add(records);
      index.finishBulk();
      index.commit();
      List<Codes> asked = new ArrayList<>(queries.size());
      for (int q = 0; q < queries.size(); q++) {
        asked.add(new Codes(dense.queries()[q], codes.queries()[q]));
      }
      for (SearchMode mode :
          List.of(SearchMode.DENSE, SearchMode.HASH, SearchMode.HYBRID, SearchMode.DIFFUSION)) {
        String name = "DAE " + mode.id() + " (" + scratch.engine();
        CopyFirst plain = new CopyFirst(CopyCheck.OFF);
        Ranked full = rank(index, database, queries, asked, mode, CUTOFF, plain);
        results.add(MethodResult.of(name + ")", "model", full.scores(), full.ms(), Double.NaN));
        if (served) {
          Ranked top = rank(index, database, queries, asked, mode, SERVED_K, plain);
          results.add(top.asServed(name + ", k=10)"));
        }
        if (mode == tuning.mode() && copyCheck.enabled()) {
          CopyFirst checked = new CopyFirst(copyCheck);
          String with = "DAE " + mode.id() + " + copy check (" + scratch.engine();
          Ranked fullChecked = rank(index, database, queries, asked, mode, CUTOFF, checked);
          results.add(
              MethodResult.of(
                  with + ")", "model", fullChecked.scores(), fullChecked.ms(), Double.NaN));
          if (served) {
            results.add(
                rank(index, database, queries, asked, mode, SERVED_K, checked)
                    .asServed(with + ", k=10)"));
          }
        }
      }
      if (served) {
        Ranked exact =
            rank(
                index,
                database,
                queries,
                asked,
                SearchMode.EXACT,
                SERVED_K,
                new CopyFirst(CopyCheck.OFF));
        results.add(exact.asServed("DAE exact (" + scratch.engine() + " scan, k=10)"));
      }
    }
    return results;
  }

  private record Ranked(RetrievalScores scores, double ms) {
    /** A k = 10 row: only the measures that 10 hits can give. */
    MethodResult asServed(String method) {
      double none = Double.NaN;
      return new MethodResult(
          method,
          "model",
          none,
          scores.precisionAt10(),
          none,
          scores.hitAt1(),
          scores.hitAt10(),
          none,
          ms);
    }
  }

  /**
   * Every query searched at k after a warm-up, scored and timed; {@code copies} checks the first
   * hits against the query's pixels as the server does, the database's images standing for the
   * stored thumbnails.
   */
  private Ranked rank(
      ImageIndex index,
      LabeledImages database,
      LabeledImages queries,
      List<Codes> asked,
      SearchMode mode,
      int k,
      CopyFirst copies)
      throws IOException {
    int n = asked.size();
    CopyFirst.Pixels pixels =
        ids ->
            ids.stream()
                .collect(
                    Collectors.toMap(
                        id -> id, id -> database.images().get(Integer.parseInt(id)), (a, b) -> a));
    SearchParams params =
        new SearchParams(
            k, 0, mode, null, tuning.hybridFactor(), tuning.maxChunkRadius(), tuning.diffusion());
    for (int q = 0; q < Math.min(n, 50); q++) { // warm up the JIT and the page cache
      copies.search(index, asked.get(q), queries.images().get(q), params, pixels);
    }
    MetricAccumulator metrics = new MetricAccumulator();
    long t0 = System.nanoTime();
    List<List<Hit>> answers = new ArrayList<>(n);
    for (int q = 0; q < n; q++) {
      answers.add(copies.search(index, asked.get(q), queries.images().get(q), params, pixels));
    }
    double ms = (System.nanoTime() - t0) / 1e6 / Math.max(1, n);
    for (int q = 0; q < n; q++) {
      metrics.add(labels(database, answers.get(q)), queries.labels()[q]);
    }
    return new Ranked(metrics.scores(), ms);
  }

  private static int[] labels(LabeledImages database, List<Hit> hits) {
    int[] labels = new int[hits.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = database.labels()[Integer.parseInt(hits.get(i).id())];
    }
    return labels;
  }
}
