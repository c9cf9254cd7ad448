package dev.lookalike.index;

/**
 * Per-request search parameters.
 *
 * @param k hits to return
 * @param offset hits to skip first (paging)
 * @param mode how to search
 * @param label when not null, only images with this label are considered (applied inside the
 *     search, so k hits come back whenever k such images exist)
 */
public record SearchParams(int k, int offset, SearchMode mode, String label) {

  public static final int MAX_K = 1000;
  public static final int MAX_OFFSET = 10_000;

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
  }

  public static SearchParams of(int k, SearchMode mode) {
    return new SearchParams(k, 0, mode, null);
  }

  /** How many ranked results must be found before paging. */
  public int window() {
    return k + offset;
  }
}
