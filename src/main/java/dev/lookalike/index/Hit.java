package dev.lookalike.index;

/**
 * One search result.
 *
 * @param score higher is more similar: cosine similarity of the dense codes, or 1 − Hamming/bits in
 *     hash mode. Diffusion mode ranks by what the collection's neighbour graph says, so there the
 *     score (still the cosine) need not fall with the rank
 * @param hamming Hamming distance of the binary codes
 * @param distance cosine distance (1 − cosine) of the dense codes
 */
public record Hit(String id, String uri, String label, float score, int hamming, float distance) {

  /** A hit scored as every engine scores it for {@code mode}, from its two distances. */
  public static Hit of(
      String id, String uri, String label, float cosine, int hamming, SearchMode mode, int bits) {
    // Unit vectors: cosine is in [-1, 1] up to float rounding, which is clamped away.
    float clamped = Math.max(-1f, Math.min(1f, cosine));
    float score = mode == SearchMode.HASH ? 1f - (float) hamming / bits : clamped;
    return new Hit(id, uri, label, score, hamming, 1f - clamped);
  }
}
