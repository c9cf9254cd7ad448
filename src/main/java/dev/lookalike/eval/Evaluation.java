package dev.lookalike.eval;

import ai.djl.ndarray.NDManager;
import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.Codes;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.Expansion;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.lucene.LuceneIndexes;
import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.search.NeighbourExpansion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The standard retrieval protocol: queries from the test split, the training split as database,
 * relevant = same label. Ranks with the model's codes (exactly and through the Lucene index) and,
 * in the same run on the same queries, with the classical baselines (raw pixels, PCA, PCA-ITQ).
 */
public final class Evaluation {

  private static final int CUTOFF = Methods.CUTOFF;

  private final CodeModel model;
  private final IndexSettings indexSettings;
  private final SearchParams tuning;
  private final NDManager manager;
  private final Consumer<String> log;
  private final Augmenter augmenter;
  private final Expansion expansion;
  private final Extras extras;

  /**
   * Optional rows.
   *
   * @param bits further code lengths to measure the model's ITQ codes and PCA-ITQ at
   * @param neighbourExpansion re-rank by α-query expansion over the top hits, or null
   */
  public record Extras(List<Integer> bits, NeighbourExpansion neighbourExpansion) {
    public static final Extras NONE = new Extras(List.of(), null);

    public Extras {
      bits = List.copyOf(bits);
    }
  }

  public Evaluation(
      CodeModel model, IndexSettings indexSettings, NDManager manager, Consumer<String> log) {
    this(
        model,
        indexSettings,
        SearchParams.of(CUTOFF, SearchMode.EXACT),
        manager,
        log,
        null,
        null,
        Extras.NONE);
  }

  /**
   * Also measures query expansion with the augmenter's variants, and the extra rows.
   *
   * @param tuning the index modes' tuning (hybrid factor, chunk radius, diffusion) as the server
   *     has it configured; its k, mode and label are ignored
   */
  public Evaluation(
      CodeModel model,
      IndexSettings indexSettings,
      SearchParams tuning,
      NDManager manager,
      Consumer<String> log,
      Augmenter augmenter,
      Expansion expansion,
      Extras extras) {
    this.model = model;
    this.indexSettings = indexSettings;
    this.tuning = tuning;
    this.manager = manager;
    this.log = log;
    this.extras = extras;
    this.augmenter = augmenter;
    this.expansion = expansion;
  }

  /**
   * Runs every method.
   *
   * @param queryCount how many test images to query with (a seeded sample; all when larger)
   * @param latencyQueries how many of them to time k = 10 searches with; negative skips the index
   */
  public EvaluationReport run(
      LabeledImages database, LabeledImages test, int queryCount, long seed, int latencyQueries)
      throws IOException {
    long start = System.nanoTime();
    LabeledImages queries = sample(test, queryCount, seed);
    int latent = model.manifest().latent();
    int bits = model.manifest().bits();
    Methods methods = new Methods(database, queries, new ExactRanking(manager), log);
    Rows pixels = Rows.pixels(database, queries);
    List<MethodResult> results = new ArrayList<>(Baselines.of(methods, pixels, latent, bits, seed));

    log.accept("encoding " + database.size() + " database and " + queries.size() + " query images");
    Rows latents = new Rows(model.latents(database.images()), model.latents(queries.images()));
    Rows dense = latents.unit();
    Binarizer own = model.coder().binarizer();
    Rows.Bits codes = dense.encode(own);
    results.add(methods.cosine("DAE dense exact (cosine)", "model", dense));
    results.add(
        methods.hamming(
            "DAE " + bits + "-bit " + own.method().name() + " Hamming", "model", codes));
    if (augmenter != null) {
      results.add(Expansions.generated(methods, model, augmenter, expansion, dense));
    }
    if (extras.neighbourExpansion() != null) {
      results.add(Expansions.neighbours(methods, dense, extras.neighbourExpansion()));
    }
    results.addAll(
        Baselines.otherLengths(methods, pixels, dense, own.method(), bits, extras.bits(), seed));
    results.addAll(Ablations.of(methods, latents, dense, own.method(), bits, seed));
    if (latencyQueries >= 0) {
      results.addAll(indexed(database, queries, dense, codes, latencyQueries));
    }
    return new EvaluationReport(
        database.name().split(":")[0],
        database.size(),
        queries.size(),
        seed,
        model.fingerprint(),
        LatentSpectrum.of(latents.fitSample(seed)),
        results,
        (System.nanoTime() - start) / 1e9);
  }

  /** The modes served by the Lucene index, on an in-memory index of the database's codes. */
  private List<MethodResult> indexed(
      LabeledImages database,
      LabeledImages queries,
      Rows dense,
      Rows.Bits codes,
      int latencyQueries)
      throws IOException {
    float[][] dbDense = dense.database();
    long[][] dbBits = codes.database();
    float[][] qDense = dense.queries();
    long[][] qBits = codes.queries();
    log.accept("building an HNSW + hash index of " + database.size() + " codes");
    List<MethodResult> results = new ArrayList<>();
    try (ImageIndex index = LuceneIndexes.inMemory(indexSettings, model.identity())) {
      List<ImageRecord> records = new ArrayList<>(database.size());
      for (int i = 0; i < database.size(); i++) {
        records.add(
            new ImageRecord(
                Integer.toString(i),
                database.uri(i),
                null,
                Map.of(),
                null,
                new Codes(dbDense[i], dbBits[i])));
      }
      index.add(records);
      index.commit();
      for (SearchMode mode :
          List.of(SearchMode.DENSE, SearchMode.HASH, SearchMode.HYBRID, SearchMode.DIFFUSION)) {
        MetricAccumulator metrics = new MetricAccumulator();
        long t0 = System.nanoTime();
        for (int q = 0; q < queries.size(); q++) {
          List<Hit> hits = index.search(new Codes(qDense[q], qBits[q]), tuned(CUTOFF, mode));
          metrics.add(labels(database, hits), queries.labels()[q]);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / queries.size();
        results.add(
            MethodResult.of(
                "DAE " + mode.id() + " (Lucene)",
                "model",
                metrics.scores(),
                ms,
                latencyAt10(index, mode, qDense, qBits, latencyQueries)));
      }
      double exactAt10 = latencyAt10(index, SearchMode.EXACT, qDense, qBits, latencyQueries);
      results.add(MethodResult.latencyOnly("DAE exact (Lucene scan)", "model", exactAt10));
    }
    return results;
  }

  private double latencyAt10(
      ImageIndex index, SearchMode mode, float[][] qDense, long[][] qBits, int latencyQueries)
      throws IOException {
    int n = Math.min(latencyQueries, qDense.length);
    if (n == 0) {
      return Double.NaN;
    }
    for (int q = 0; q < Math.min(n, 50); q++) { // warm up the JIT and the page cache
      index.search(new Codes(qDense[q], qBits[q]), tuned(10, mode));
    }
    long t0 = System.nanoTime();
    for (int q = 0; q < n; q++) {
      index.search(new Codes(qDense[q], qBits[q]), tuned(10, mode));
    }
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  private SearchParams tuned(int k, SearchMode mode) {
    return new SearchParams(
        k, 0, mode, null, tuning.hybridFactor(), tuning.maxChunkRadius(), tuning.diffusion());
  }

  private static int[] labels(LabeledImages database, List<Hit> hits) {
    int[] labels = new int[hits.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = database.labels()[Integer.parseInt(hits.get(i).id())];
    }
    return labels;
  }

  /** A seeded sample of {@code count} test images, all of them when there are no more. */
  static LabeledImages sample(LabeledImages test, int count, long seed) {
    if (count >= test.size()) {
      return test;
    }
    return test.select(SeededSampling.sampleIds(test.size(), count, seed));
  }
}
