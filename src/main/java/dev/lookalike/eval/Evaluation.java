package dev.lookalike.eval;

import ai.djl.ndarray.NDManager;
import dev.lookalike.codes.Binarizer;
import dev.lookalike.copies.CopyCheck;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.generative.Expansion;
import dev.lookalike.index.ScratchIndexes;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.search.NeighbourExpansion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The standard retrieval protocol: queries from the test split, the training split as database,
 * relevant = same label. Ranks with the model's codes (exactly and through the Lucene index) and,
 * in the same run on the same queries, with the classical baselines (raw pixels, PCA, PCA-ITQ).
 */
public final class Evaluation {

  private static final int CUTOFF = Methods.CUTOFF;

  private final CodeModel model;
  private final ScratchIndexes scratch;
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
   * @param copyCheck the server's copy check, measured on top of the default mode when enabled
   */
  public record Extras(
      List<Integer> bits, NeighbourExpansion neighbourExpansion, CopyCheck copyCheck) {
    public static final Extras NONE = new Extras(List.of(), null, CopyCheck.OFF);

    public Extras {
      bits = List.copyOf(bits);
    }
  }

  public Evaluation(
      CodeModel model, ScratchIndexes scratch, NDManager manager, Consumer<String> log) {
    this(
        model,
        scratch,
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
      ScratchIndexes scratch,
      SearchParams tuning,
      NDManager manager,
      Consumer<String> log,
      Augmenter augmenter,
      Expansion expansion,
      Extras extras) {
    this.model = model;
    this.scratch = scratch;
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
   * @param indexRows which rows of the modes served by the Lucene index to add
   */
  public EvaluationReport run(
      LabeledImages database, LabeledImages test, int queryCount, long seed, IndexRows indexRows)
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
    Rows dense = latents.dense(model.coder(), database, queries);
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
    results.addAll(
        Ablations.of(
            methods,
            latents,
            dense,
            model.coder().projection().isPresent(),
            own.method(),
            bits,
            seed));
    results.add(Ablations.otherDenseCode(methods, latents, database, queries, model.coder(), seed));
    if (indexRows != IndexRows.NONE) {
      results.addAll(
          new IndexedModes(model.identity(), scratch, tuning, extras.copyCheck(), log)
              .measure(database, queries, dense, codes, indexRows == IndexRows.RANKED_AND_SERVED));
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

  /** Which rows of the index's modes an evaluation adds (building the index takes a while). */
  public enum IndexRows {
    /** None: the codes only. */
    NONE,
    /** Each mode's ranking at k = 1,000. */
    RANKED,
    /** Also what each mode serves at k = 10, with its latency. */
    RANKED_AND_SERVED
  }

  /** A seeded sample of {@code count} test images, all of them when there are no more. */
  static LabeledImages sample(LabeledImages test, int count, long seed) {
    if (count >= test.size()) {
      return test;
    }
    return test.select(SeededSampling.sampleIds(test.size(), count, seed));
  }
}
