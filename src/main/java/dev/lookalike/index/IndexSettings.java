package dev.lookalike.index;

/**
 * What an index fixes when it is built; everything that may change per search travels in {@link
 * SearchParams}.
 *
 * @param hnswMaxConn HNSW graph degree (M)
 * @param hnswBeamWidth HNSW construction beam
 */
public record IndexSettings(int hnswMaxConn, int hnswBeamWidth) {

  public IndexSettings {
    if (hnswMaxConn < 2 || hnswMaxConn > 512) {
      throw new IllegalArgumentException(
          "HNSW max connections must be in [2, 512], got: " + hnswMaxConn);
    }
    if (hnswBeamWidth < 1 || hnswBeamWidth > 3200) {
      throw new IllegalArgumentException(
          "HNSW beam width must be in [1, 3200], got: " + hnswBeamWidth);
    }
  }

  public static IndexSettings defaults() {
    return new IndexSettings(16, 100);
  }
}
