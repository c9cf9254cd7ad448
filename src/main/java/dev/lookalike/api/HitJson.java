package dev.lookalike.api;

import dev.lookalike.index.Hit;

/**
 * One search result as the API writes it.
 *
 * @param score higher is more similar: cosine similarity of the dense codes, or 1 − Hamming/bits in
 *     hash mode
 * @param hamming Hamming distance of the binary codes
 * @param distance cosine distance (1 − cosine) of the dense codes
 */
public record HitJson(
    String id, String uri, String label, float score, int hamming, float distance) {

  static HitJson of(Hit hit) {
    return new HitJson(
        hit.id(), hit.uri(), hit.label(), hit.score(), hit.hamming(), hit.distance());
  }
}
