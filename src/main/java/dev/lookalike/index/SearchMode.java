package dev.lookalike.index;

import java.util.Arrays;
import java.util.Locale;

/** How neighbours are found. */
public enum SearchMode {
  /** Approximate k-NN over the dense codes through the HNSW graph. */
  DENSE,
  /** Hash-bucket candidates, widened until enough, ranked by Hamming distance. */
  HASH,
  /** Hash-bucket candidates re-ranked by dense cosine: cheap recall, precise order. */
  HYBRID,
  /**
   * The nearest images by HNSW, re-ranked by diffusion over the collection's neighbour graph: what
   * the query's neighbourhood as a whole points to, not only its own nearest codes.
   */
  DIFFUSION,
  /** Brute-force cosine over every dense code: the reference the others are measured against. */
  EXACT;

  public static SearchMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "unknown search mode '"
              + value
              + "'; use one of "
              + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
