package dev.lookalike.generative;

import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.FloatImage;
import dev.lookalike.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Query expansion with generated variants ({@link Expansion}): the one implementation that the
 * server's expanded search and the evaluation both run. The query's direction becomes the mean of
 * the unit latents of the query and its variants, normalised again.
 */
public final class QueryExpansion {

  private QueryExpansion() {}

  /** The inputs of an expanded query: the query first, then its variants. */
  public static List<FloatImage> inputs(FloatImage query, List<FloatImage> variants) {
    List<FloatImage> inputs = new ArrayList<>(variants.size() + 1);
    inputs.add(query);
    inputs.addAll(variants);
    return inputs;
  }

  /** The expanded query's unit dense code from {@link #inputs}; the model binarizes it as usual. */
  public static float[] dense(CodeModel model, List<FloatImage> inputs) {
    return Vectors.unit(Vectors.meanOfUnits(model.coder().dense(model.latents(inputs), inputs)));
  }
}
