package dev.lookalike.index;

/**
 * Tuning of the Lucene index.
 *
 * @param hnswMaxConn HNSW graph degree (M)
 * @param hnswBeamWidth HNSW construction beam
 * @param hybridFactor hybrid mode re-ranks this many times k hash candidates by dense cosine
 * @param maxChunkRadius how far bucket lookup widens: chunk values within this Hamming distance of
 *     the query's chunks are looked up (0 = exact chunk match); beyond it hash search scans
 */
public record IndexSettings(
    int hnswMaxConn, int hnswBeamWidth, int hybridFactor, int maxChunkRadius) {

  public IndexSettings {
    if (hnswMaxConn < 2 || hnswMaxConn > 512) {
      throw new IllegalArgumentException(
          "HNSW max connections must be in [2, 512], got: " + hnswMaxConn);
    }
    if (hnswBeamWidth < 1 || hnswBeamWidth > 3200) {
      throw new IllegalArgumentException(
          "HNSW beam width must be in [1, 3200], got: " + hnswBeamWidth);
    }
    if (hybridFactor < 1 || hybridFactor > 1000) {
      throw new IllegalArgumentException(
          "hybrid factor must be in [1, 1000], got: " + hybridFactor);
    }
    if (maxChunkRadius < 0 || maxChunkRadius > 3) {
      throw new IllegalArgumentException(
          "max chunk radius must be in [0, 3], got: " + maxChunkRadius);
    }
  }

  public static IndexSettings defaults() {
    return new IndexSettings(16, 100, 10, 2);
  }
}
