package dev.lookalike.eval;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.dataset.LabeledImages;
import dev.lookalike.linalg.Pca;
import dev.lookalike.linalg.SeededSampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Other ways to derive codes from the same latents, to show what each choice of Coder buys. */
final class Ablations {

  private static final String FAMILY = "ablation";

  private Ablations() {}

  /**
   * @param latents the raw latents of database and queries
   * @param dense the served dense codes
   * @param whitened whether those are whitened (then the plain latent's cosine is a row)
   * @param own the model's binarizer method
   */
  static List<MethodResult> of(
      Methods methods,
      Rows latents,
      Rows dense,
      boolean whitened,
      BinarizerMethod own,
      int bits,
      long seed) {
    List<MethodResult> results = new ArrayList<>();
    results.add(methods.l2("ablation: DAE latent L2", FAMILY, latents));
    if (whitened) {
      results.add(methods.cosine("ablation: DAE unit latent cosine", FAMILY, latents.unit()));
    }
    float[] mean = Pca.fit(latents.fitSample(seed), 1).mean();
    results.add(methods.cosine("ablation: DAE centred cosine", FAMILY, latents.centred(mean)));
    Pca pca = Pca.fit(latents.fitSample(seed), latents.database()[0].length);
    for (double power : new double[] {0.25, 0.5, 0.75, 1.0}) {
      results.add(
          methods.cosine(
              "ablation: DAE PCA-whitened^" + power + " cosine",
              FAMILY,
              latents.whitened(pca, power)));
    }
    if (own == BinarizerMethod.UNITS) {
      results.add(bits(methods, dense, bits, BinarizerMethod.MEDIAN, seed));
    }
    BinarizerMethod other =
        own == BinarizerMethod.ITQ ? BinarizerMethod.MEDIAN : BinarizerMethod.ITQ;
    results.add(bits(methods, dense, bits, other, seed));
    Binarizer rawItq = Binarizer.fit(latents.fitSample(seed), bits, BinarizerMethod.ITQ, seed);
    results.add(
        methods.hamming(
            "ablation: DAE " + bits + "-bit ITQ of raw latent", FAMILY, latents.encode(rawItq)));
    return results;
  }

  /**
   * The dense code the model does not serve, fitted here, to show what the pixel blend buys: the
   * whitened code alone for a blended model, the blended code for the others.
   */
  static MethodResult otherDenseCode(
      Methods methods,
      Rows latents,
      LabeledImages database,
      LabeledImages queries,
      Coder own,
      long seed) {
    DenseCode other = own.blend().isPresent() ? DenseCode.WHITENED : DenseCode.BLENDED;
    Coder coder =
        Coder.fit(
            latents.fitSample(seed),
            SeededSampling.sample(database.images(), Rows.FIT_SAMPLE, seed),
            other,
            own.binarizer().bits(),
            own.binarizer().method(),
            seed);
    return methods.cosine(
        "ablation: DAE " + other.name().toLowerCase(Locale.ROOT) + " dense code",
        FAMILY,
        latents.dense(coder, database, queries));
  }

  private static MethodResult bits(
      Methods methods, Rows dense, int bits, BinarizerMethod method, long seed) {
    Binarizer binarizer = Binarizer.fit(dense.fitSample(seed), bits, method, seed);
    return methods.hamming(
        "ablation: DAE " + bits + "-bit " + method.name() + " Hamming",
        FAMILY,
        dense.encode(binarizer));
  }
}
