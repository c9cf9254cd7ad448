package dev.lookalike.index;

import dev.lookalike.graph.DiffusionParams;

/**
 * Per-request search parameters.
 *
 * @param k hits to return
 * @param offset hits to skip first (paging)
 * @param mode how to search
 * @param label when not null, only images with this label are considered (applied inside the
 *     search, so k hits come back whenever k such images exist)
 * @param hybridFactor hybrid mode re-ranks this many times k hash candidates by dense cosine
 * @param maxChunkRadius how far bucket lookup widens: chunk values within this Hamming distance of
 *     the query's chunks are looked up (0 = exact chunk match); beyond it hash search scans
 * @param diffusion how diffusion mode re-ranks
 */
public record SearchParams(
    int k,
    int offset,
    SearchMode mode,
    String label,
    int hybridFactor,
    int maxChunkRadius,
    DiffusionParams diffusion) {

  public static final int MAX_K = 1000;
  public static final int MAX_OFFSET = 10_000;
  public static final int MAX_HYBRID_FACTOR = 1000;
  public static final int MAX_CHUNK_RADIUS = 3;

  /** The defaults of {@code lookalike.index.hybrid-factor} and {@code max-chunk-radius}. */
  public static final int DEFAULT_HYBRID_FACTOR = 10;

  public static final int DEFAULT_MAX_CHUNK_RADIUS = 2;

  public SearchParams {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + MAX_K + "], got: " + k);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException(
          "offset must be in [0, " + MAX_OFFSET + "], got: " + offset);
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    if (label != null && label.isBlank()) {
      label = null;
    }
    if (hybridFactor < 1 || hybridFactor > MAX_HYBRID_FACTOR) {
      throw new IllegalArgumentException(
          "hybrid factor must be in [1, " + MAX_HYBRID_FACTOR + "], got: " + hybridFactor);
    }
    if (maxChunkRadius < 0 || maxChunkRadius > MAX_CHUNK_RADIUS) {
      throw new IllegalArgumentException(
          "max chunk radius must be in [0, " + MAX_CHUNK_RADIUS + "], got: " + maxChunkRadius);
    }
    if (diffusion == null) {
      throw new IllegalArgumentException("diffusion parameters are required");
    }
  }

  /** Parameters with the default hybrid factor, chunk radius and diffusion. */
  public SearchParams(int k, int offset, SearchMode mode, String label) {
    this(
        k,
        offset,
        mode,
        label,
        DEFAULT_HYBRID_FACTOR,
        DEFAULT_MAX_CHUNK_RADIUS,
        DiffusionParams.DEFAULT);
  }

  public static SearchParams of(int k, SearchMode mode) {
    return new SearchParams(k, 0, mode, null);
  }

  /** The same search for another page. */
  public SearchParams page(int k, int offset) {
    return new SearchParams(k, offset, mode, label, hybridFactor, maxChunkRadius, diffusion);
  }

  /** The same page searched in another mode. */
  public SearchParams inMode(SearchMode other) {
    return new SearchParams(k, offset, other, label, hybridFactor, maxChunkRadius, diffusion);
  }

  /** How many ranked results must be found before paging. */
  public int window() {
    return k + offset;
  }
}
