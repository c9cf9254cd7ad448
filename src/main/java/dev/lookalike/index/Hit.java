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
public record Hit(String id, String uri, String label, float score, int hamming, float distance) {}
