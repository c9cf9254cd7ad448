package dev.lookalike.generative;

/**
 * Query expansion with generated variants: the query's dense code is replaced by the mean of its
 * own and its {@code variants} variants' dense codes (then re-normalised and re-binarised).
 */
public record Expansion(int variants, float temperature, long seed) {

  public static final int MAX_VARIANTS = 64;

  public Expansion {
    if (variants < 1 || variants > MAX_VARIANTS) {
      throw new IllegalArgumentException(
          "expand must be in [1, " + MAX_VARIANTS + "], got: " + variants);
    }
  }
}
