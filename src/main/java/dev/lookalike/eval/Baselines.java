package dev.lookalike.eval;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.linalg.Pca;
import java.util.ArrayList;
import java.util.List;

/** The classical rows every model is compared with: raw pixels, PCA and PCA-ITQ. */
final class Baselines {

  private static final String FAMILY = "baseline";

  private Baselines() {}

  /** Raw pixels by L2, PCA to the model's latent size by L2 and cosine, PCA-ITQ at its bits. */
  static List<MethodResult> of(Methods methods, Rows pixels, int latent, int bits, long seed) {
    List<MethodResult> results = new ArrayList<>();
    results.add(methods.l2("raw pixels L2", FAMILY, pixels));
    Rows pca = pixels.projected(Pca.fit(pixels.fitSample(seed), latent));
    results.add(methods.l2("PCA-" + latent + " L2", FAMILY, pca));
    results.add(methods.cosine("PCA-" + latent + " cosine", FAMILY, pca));
    results.add(pcaItq(methods, pixels, bits, seed));
    return results;
  }

  static MethodResult pcaItq(Methods methods, Rows pixels, int bits, long seed) {
    Binarizer itq = Binarizer.fit(pixels.fitSample(seed), bits, BinarizerMethod.ITQ, seed);
    return methods.hamming("PCA-ITQ " + bits + " bits", FAMILY, pixels.encode(itq));
  }

  /**
   * At each further code length: PCA-ITQ, and the model's dense codes binarized the model's way
   * (ITQ for a units binarizer, which cannot change length).
   */
  static List<MethodResult> otherLengths(
      Methods methods,
      Rows pixels,
      Rows dense,
      BinarizerMethod own,
      int bits,
      List<Integer> lengths,
      long seed) {
    List<MethodResult> results = new ArrayList<>();
    for (int length : lengths) {
      if (length == bits) {
        continue;
      }
      results.add(pcaItq(methods, pixels, length, seed));
      BinarizerMethod method = own == BinarizerMethod.UNITS ? BinarizerMethod.ITQ : own;
      Binarizer binarizer = Binarizer.fit(dense.fitSample(seed), length, method, seed);
      results.add(
          methods.hamming(
              "DAE " + length + "-bit " + method.name() + " Hamming",
              "model",
              dense.encode(binarizer)));
    }
    return results;
  }
}
