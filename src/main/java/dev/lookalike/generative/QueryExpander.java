package dev.lookalike.generative;

import dev.lookalike.image.FloatImage;
import java.util.List;

/** Makes variants of a query image, whose codes are averaged with the query's (query expansion). */
public interface QueryExpander {

  /** {@code n} variants of the image in {@code bytes}, deterministic for a seed. */
  List<FloatImage> variants(byte[] bytes, int n, float temperature, long seed);
}
