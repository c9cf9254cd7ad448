package dev.lookalike.search;

import dev.lookalike.codes.Coder;

/**
 * α-weighted average query expansion (Radenović et al. 2018): the query's unit code plus its top
 * neighbours' unit codes, each weighted by its cosine to the query raised to α, normalised again.
 * Neighbours that are barely similar hardly move the query; with α = 0 it is plain average query
 * expansion (Chum et al. 2007). Unsupervised: it uses only the codes of the first search.
 *
 * @param depth how many of the first search's hits are added, at least 1
 * @param alpha the exponent of the weights, ≥ 0
 */
public record NeighbourExpansion(int depth, float alpha) {

  public static final int MAX_DEPTH = 100;

  public NeighbourExpansion {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "expansion depth must be in [1, " + MAX_DEPTH + "], got: " + depth);
    }
    if (!(alpha >= 0 && alpha <= 100)) {
      throw new IllegalArgumentException("expansion α must be in [0, 100], got: " + alpha);
    }
  }

  /** The expanded query's unit code; {@code query} and {@code neighbours} are unit vectors. */
  public float[] expand(float[] query, float[][] neighbours) {
    float[] sum = query.clone();
    for (float[] neighbour : neighbours) {
      float cosine = 0;
      for (int i = 0; i < query.length; i++) {
        cosine += query[i] * neighbour[i];
      }
      float weight = cosine <= 0 ? 0f : (float) Math.pow(cosine, alpha);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += weight * neighbour[i];
      }
    }
    return Coder.unit(sum);
  }
}
