package dev.lookalike.eval;

import ai.djl.ndarray.NDManager;
import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.Codes;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.Expansion;
import dev.lookalike.generative.QueryExpansion;
import dev.lookalike.image.FloatImage;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageRecord;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.index.lucene.LuceneImageIndex;
import dev.lookalike.linalg.Pca;
import dev.lookalike.search.NeighbourExpansion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The standard retrieval protocol: queries from the test split, the training split as database,
 * relevant = same label. Ranks with the model's codes (exactly and through the Lucene index) and,
 * in the same run on the same queries, with the classical baselines (raw pixels, PCA, PCA-ITQ).
 */
public final class Evaluation {

  /** Learning PCA and ITQ on more than this many database rows changes nothing measurable. */
  private static final int FIT_SAMPLE = 20_000;

  private static final int CUTOFF = MetricAccumulator.MAP_CUTOFF;

  private final CodeModel model;
  private final IndexSettings indexSettings;
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
    this(model, indexSettings, manager, log, null, null, Extras.NONE);
  }

  /** Also measures query expansion with the augmenter's variants, and the extra rows. */
  public Evaluation(
      CodeModel model,
      IndexSettings indexSettings,
      NDManager manager,
      Consumer<String> log,
      Augmenter augmenter,
      Expansion expansion,
      Extras extras) {
    this.model = model;
    this.indexSettings = indexSettings;
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
   * @param latencyQueries how many of them to time k = 10 searches with
   */
  public EvaluationReport run(
      LabeledImages database, LabeledImages test, int queryCount, long seed, int latencyQueries)
      throws IOException {
    long start = System.nanoTime();
    LabeledImages queries = sample(test, queryCount, seed);
    int latent = model.manifest().latent();
    int bits = model.manifest().bits();
    float[][] dbPixels = pixels(database);
    float[][] qPixels = pixels(queries);
    ExactRanking exact = new ExactRanking(manager);
    List<MethodResult> results = new ArrayList<>();

    results.add(
        timed(
            "raw pixels L2",
            "baseline",
            queries,
            database,
            () -> exact.byL2(dbPixels, qPixels, CUTOFF)));
    Pca pca = Pca.fit(sampleRows(dbPixels, seed), latent);
    float[][] dbPca = pca.project(dbPixels);
    float[][] qPca = pca.project(qPixels);
    results.add(
        timed(
            "PCA-" + latent + " L2",
            "baseline",
            queries,
            database,
            () -> exact.byL2(dbPca, qPca, CUTOFF)));
    results.add(
        timed(
            "PCA-" + latent + " cosine",
            "baseline",
            queries,
            database,
            () -> exact.byCosine(dbPca, qPca, CUTOFF)));
    Binarizer pcaItq = Binarizer.fit(sampleRows(dbPixels, seed), bits, BinarizerMethod.ITQ, seed);
    long[][] dbItq = encode(pcaItq, dbPixels);
    long[][] qItq = encode(pcaItq, qPixels);
    results.add(
        timed(
            "PCA-ITQ " + bits + " bits",
            "baseline",
            queries,
            database,
            () -> ExactRanking.byHamming(dbItq, qItq, CUTOFF)));

    log.accept("encoding " + database.size() + " database and " + queries.size() + " query images");
    float[][] dbLatent = model.latents(database.images());
    float[][] qLatent = model.latents(queries.images());
    Coder coder = model.coder();
    float[][] dbDense = Coder.unit(dbLatent);
    float[][] qDense = Coder.unit(qLatent);
    results.add(
        timed(
            "DAE dense exact (cosine)",
            "model",
            queries,
            database,
            () -> exact.byCosine(dbDense, qDense, CUTOFF)));
    Binarizer own = coder.binarizer();
    long[][] dbBits = encode(own, dbDense);
    long[][] qBits = encode(own, qDense);
    results.add(
        timed(
            "DAE " + bits + "-bit " + name(own.method()) + " Hamming",
            "model",
            queries,
            database,
            () -> ExactRanking.byHamming(dbBits, qBits, CUTOFF)));

    if (augmenter != null) {
      results.add(expanded(queries, database, exact, dbDense));
    }
    if (extras.neighbourExpansion() != null) {
      results.add(
          neighbourExpanded(
              queries, database, exact, dbDense, qDense, extras.neighbourExpansion()));
    }
    for (int extraBits : extras.bits()) {
      if (extraBits == bits) {
        continue;
      }
      Binarizer pcaItqExtra =
          Binarizer.fit(sampleRows(dbPixels, seed), extraBits, BinarizerMethod.ITQ, seed);
      long[][] dbPcaBits = encode(pcaItqExtra, dbPixels);
      long[][] qPcaBits = encode(pcaItqExtra, qPixels);
      results.add(
          timed(
              "PCA-ITQ " + extraBits + " bits",
              "baseline",
              queries,
              database,
              () -> ExactRanking.byHamming(dbPcaBits, qPcaBits, CUTOFF)));
      BinarizerMethod method =
          own.method() == BinarizerMethod.UNITS ? BinarizerMethod.ITQ : own.method();
      Binarizer modelExtra = Binarizer.fit(sampleRows(dbDense, seed), extraBits, method, seed);
      long[][] dbModelBits = encode(modelExtra, dbDense);
      long[][] qModelBits = encode(modelExtra, qDense);
      results.add(
          timed(
              "DAE " + extraBits + "-bit " + name(method) + " Hamming",
              "model",
              queries,
              database,
              () -> ExactRanking.byHamming(dbModelBits, qModelBits, CUTOFF)));
    }

    // Ablations: other ways to derive codes from the same latents.
    results.add(
        timed(
            "ablation: DAE latent L2",
            "ablation",
            queries,
            database,
            () -> exact.byL2(dbLatent, qLatent, CUTOFF)));
    float[] mean = Pca.fit(sampleRows(dbLatent, seed), 1).mean();
    float[][] dbCentred = centred(dbLatent, mean);
    float[][] qCentred = centred(qLatent, mean);
    results.add(
        timed(
            "ablation: DAE centred cosine",
            "ablation",
            queries,
            database,
            () -> exact.byCosine(dbCentred, qCentred, CUTOFF)));
    for (double power : new double[] {0.5, 1.0}) {
      Pca latentPca = Pca.fit(sampleRows(dbLatent, seed), latent);
      float[][] dbWhite = whitened(latentPca, dbLatent, power);
      float[][] qWhite = whitened(latentPca, qLatent, power);
      results.add(
          timed(
              "ablation: DAE PCA-whitened^" + power + " cosine",
              "ablation",
              queries,
              database,
              () -> exact.byCosine(dbWhite, qWhite, CUTOFF)));
    }
    BinarizerMethod otherMethod =
        own.method() == BinarizerMethod.ITQ ? BinarizerMethod.MEDIAN : BinarizerMethod.ITQ;
    if (own.method() == BinarizerMethod.UNITS) {
      results.add(
          ablationBits(queries, database, dbDense, qDense, bits, BinarizerMethod.MEDIAN, seed));
    }
    results.add(ablationBits(queries, database, dbDense, qDense, bits, otherMethod, seed));
    Binarizer rawItq = Binarizer.fit(sampleRows(dbLatent, seed), bits, BinarizerMethod.ITQ, seed);
    long[][] dbRawBits = encode(rawItq, dbLatent);
    long[][] qRawBits = encode(rawItq, qLatent);
    results.add(
        timed(
            "ablation: DAE " + bits + "-bit ITQ of raw latent",
            "ablation",
            queries,
            database,
            () -> ExactRanking.byHamming(dbRawBits, qRawBits, CUTOFF)));

    if (latencyQueries >= 0) {
      results.addAll(indexed(database, queries, dbDense, dbBits, qDense, qBits, latencyQueries));
    }
    return new EvaluationReport(
        database.name().split(":")[0],
        database.size(),
        queries.size(),
        seed,
        model.fingerprint(),
        LatentSpectrum.of(sampleRows(dbLatent, seed)),
        results,
        (System.nanoTime() - start) / 1e9);
  }

  private MethodResult ablationBits(
      LabeledImages queries,
      LabeledImages database,
      float[][] dbDense,
      float[][] qDense,
      int bits,
      BinarizerMethod method,
      long seed) {
    Binarizer binarizer = Binarizer.fit(sampleRows(dbDense, seed), bits, method, seed);
    long[][] dbCodes = encode(binarizer, dbDense);
    long[][] qCodes = encode(binarizer, qDense);
    return timed(
        "ablation: DAE " + bits + "-bit " + name(method) + " Hamming",
        "ablation",
        queries,
        database,
        () -> ExactRanking.byHamming(dbCodes, qCodes, CUTOFF));
  }

  /** Dense cosine ranking with each query replaced by the mean of it and its VAE variants. */
  private MethodResult expanded(
      LabeledImages queries, LabeledImages database, ExactRanking exact, float[][] dbDense) {
    log.accept(
        "expanding "
            + queries.size()
            + " queries with "
            + expansion.variants()
            + " VAE variants each");
    float[][] qExpanded = new float[queries.size()][];
    long t0 = System.nanoTime();
    for (int q = 0; q < queries.size(); q++) {
      FloatImage query = queries.images().get(q);
      List<FloatImage> variants =
          augmenter.augment(query, expansion.variants(), expansion.temperature(), expansion.seed());
      qExpanded[q] = QueryExpansion.dense(model, QueryExpansion.inputs(query, variants));
    }
    double expansionMs = (System.nanoTime() - t0) / 1e6 / queries.size();
    MethodResult ranked =
        timed(
            "DAE dense exact + VAE expansion (n="
                + expansion.variants()
                + ", T="
                + expansion.temperature()
                + ")",
            "model",
            queries,
            database,
            () -> exact.byCosine(dbDense, qExpanded, CUTOFF));
    // the latency column holds the per-query cost of making the expanded query (augment + encode)
    return new MethodResult(
        ranked.method(),
        ranked.family(),
        ranked.mapAt1000(),
        ranked.precisionAt10(),
        ranked.precisionAt100(),
        ranked.msPerQuery(),
        expansionMs);
  }

  /**
   * Dense cosine ranking re-ranked by α-query expansion: a first exact search for the top {@code
   * depth}, the expanded query, a second exact search. The time is that of both searches.
   */
  private MethodResult neighbourExpanded(
      LabeledImages queries,
      LabeledImages database,
      ExactRanking exact,
      float[][] dbDense,
      float[][] qDense,
      NeighbourExpansion expansion) {
    return timed(
        "DAE dense exact + αQE (depth " + expansion.depth() + ", α " + expansion.alpha() + ")",
        "model",
        queries,
        database,
        () -> {
          int[][] first = exact.byCosine(dbDense, qDense, expansion.depth());
          float[][] expanded = new float[qDense.length][];
          for (int q = 0; q < qDense.length; q++) {
            float[][] neighbours = new float[first[q].length][];
            for (int i = 0; i < neighbours.length; i++) {
              neighbours[i] = dbDense[first[q][i]];
            }
            expanded[q] = expansion.expand(qDense[q], neighbours);
          }
          return exact.byCosine(dbDense, expanded, CUTOFF);
        });
  }

  /** The modes served by the Lucene index, on an in-memory index of the database's codes. */
  private List<MethodResult> indexed(
      LabeledImages database,
      LabeledImages queries,
      float[][] dbDense,
      long[][] dbBits,
      float[][] qDense,
      long[][] qBits,
      int latencyQueries)
      throws IOException {
    log.accept("building an HNSW + hash index of " + database.size() + " codes");
    List<MethodResult> results = new ArrayList<>();
    try (LuceneImageIndex index =
        LuceneImageIndex.open(
            new ByteBuffersDirectory(),
            indexSettings,
            model.fingerprint(),
            model.manifest().latent(),
            model.manifest().bits())) {
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
      for (SearchMode mode : List.of(SearchMode.DENSE, SearchMode.HASH, SearchMode.HYBRID)) {
        MetricAccumulator metrics = new MetricAccumulator();
        long t0 = System.nanoTime();
        for (int q = 0; q < queries.size(); q++) {
          List<Hit> hits =
              index.search(new Codes(qDense[q], qBits[q]), SearchParams.of(CUTOFF, mode));
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
      results.add(
          new MethodResult(
              "DAE exact (Lucene scan)",
              "model",
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              exactAt10));
    }
    return results;
  }

  private static double latencyAt10(
      LuceneImageIndex index, SearchMode mode, float[][] qDense, long[][] qBits, int latencyQueries)
      throws IOException {
    int n = Math.min(latencyQueries, qDense.length);
    if (n == 0) {
      return Double.NaN;
    }
    for (int q = 0; q < Math.min(n, 50); q++) { // warm up the JIT and the page cache
      index.search(new Codes(qDense[q], qBits[q]), SearchParams.of(10, mode));
    }
    long t0 = System.nanoTime();
    for (int q = 0; q < n; q++) {
      index.search(new Codes(qDense[q], qBits[q]), SearchParams.of(10, mode));
    }
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  private static int[] labels(LabeledImages database, List<Hit> hits) {
    int[] labels = new int[hits.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = database.labels()[Integer.parseInt(hits.get(i).id())];
    }
    return labels;
  }

  private interface Ranking {
    int[][] rank();
  }

  private MethodResult timed(
      String method,
      String family,
      LabeledImages queries,
      LabeledImages database,
      Ranking ranking) {
    long t0 = System.nanoTime();
    int[][] ranked = ranking.rank();
    double ms = (System.nanoTime() - t0) / 1e6 / Math.max(1, queries.size());
    MetricAccumulator metrics = new MetricAccumulator();
    for (int q = 0; q < ranked.length; q++) {
      int[] labels = new int[ranked[q].length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = database.labels()[ranked[q][i]];
      }
      metrics.add(labels, queries.labels()[q]);
    }
    log.accept(String.format("%-32s done", method));
    return MethodResult.of(method, family, metrics.scores(), ms, Double.NaN);
  }

  private static String name(BinarizerMethod method) {
    return method.name();
  }

  static LabeledImages sample(LabeledImages test, int count, long seed) {
    if (count >= test.size()) {
      return test;
    }
    int[] order = new int[test.size()];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<FloatImage> images = new ArrayList<>(count);
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      images.add(test.images().get(order[i]));
      labels[i] = test.labels()[order[i]];
    }
    return new LabeledImages(test.name(), images, labels, test.labelNames());
  }

  private static float[][] sampleRows(float[][] rows, long seed) {
    if (rows.length <= FIT_SAMPLE) {
      return rows;
    }
    List<float[]> list = new ArrayList<>(Arrays.asList(rows));
    java.util.Collections.shuffle(list, new Random(seed));
    return list.subList(0, FIT_SAMPLE).toArray(new float[0][]);
  }

  private static float[][] pixels(LabeledImages images) {
    return images.images().stream().map(FloatImage::pixels).toArray(float[][]::new);
  }

  /** Projects onto the principal axes and divides each by (its standard deviation)^power. */
  private static float[][] whitened(Pca pca, float[][] rows, double power) {
    double[] variance = pca.explainedVariance();
    float[][] projected = pca.project(rows);
    for (float[] row : projected) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= (float) Math.pow(Math.max(variance[j], 1e-12), power / 2);
      }
    }
    return projected;
  }

  private static float[][] centred(float[][] rows, float[] mean) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new float[mean.length];
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = rows[i][j] - mean[j];
      }
    }
    return out;
  }

  private static long[][] encode(Binarizer binarizer, float[][] rows) {
    long[][] codes = new long[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      codes[i] = binarizer.encode(rows[i]);
    }
    return codes;
  }
}
