package dev.lookalike.index;

/**
 * Tuning of the Lucene index. The constants are the defaults and limits; the server's configuration
 * ({@code lookalike.index.*}) takes both from here.
 *
 * @param hnswMaxConn HNSW graph degree (M)
 * @param hnswBeamWidth HNSW construction beam
 * @param hybridFactor hybrid mode re-ranks this many times k hash candidates by dense cosine
 * @param maxChunkRadius how far bucket lookup widens: chunk values within this Hamming distance of
 *     the query's chunks are looked up (0 = exact chunk match); beyond it hash search scans
 */
public record IndexSettings(
    int hnswMaxConn, int hnswBeamWidth, int hybridFactor, int maxChunkRadius) {

  public static final int DEFAULT_HNSW_MAX_CONN = 16;
  public static final int MIN_HNSW_MAX_CONN = 2;
  public static final int MAX_HNSW_MAX_CONN = 512;
  public static final int DEFAULT_HNSW_BEAM_WIDTH = 100;
  public static final int MAX_HNSW_BEAM_WIDTH = 3200;
  public static final int DEFAULT_HYBRID_FACTOR = 10;
  public static final int MAX_HYBRID_FACTOR = 1000;
  public static final int DEFAULT_MAX_CHUNK_RADIUS = 2;
  public static final int MAX_CHUNK_RADIUS = 3;

  public IndexSettings {
    if (hnswMaxConn < MIN_HNSW_MAX_CONN || hnswMaxConn > MAX_HNSW_MAX_CONN) {
      throw new IllegalArgumentException(
          "HNSW max connections must be in ["
              + MIN_HNSW_MAX_CONN
              + ", "
              + MAX_HNSW_MAX_CONN
              + "], got: "
              + hnswMaxConn);
    }
    if (hnswBeamWidth < 1 || hnswBeamWidth > MAX_HNSW_BEAM_WIDTH) {
      throw new IllegalArgumentException(
          "HNSW beam width must be in [1, " + MAX_HNSW_BEAM_WIDTH + "], got: " + hnswBeamWidth);
    }
    if (hybridFactor < 1 || hybridFactor > MAX_HYBRID_FACTOR) {
      throw new IllegalArgumentException(
          "hybrid factor must be in [1, " + MAX_HYBRID_FACTOR + "], got: " + hybridFactor);
    }
    if (maxChunkRadius < 0 || maxChunkRadius > MAX_CHUNK_RADIUS) {
      throw new IllegalArgumentException(
          "max chunk radius must be in [0, " + MAX_CHUNK_RADIUS + "], got: " + maxChunkRadius);
    }
  }

  public static IndexSettings defaults() {
    return new IndexSettings(
        DEFAULT_HNSW_MAX_CONN,
        DEFAULT_HNSW_BEAM_WIDTH,
        DEFAULT_HYBRID_FACTOR,
        DEFAULT_MAX_CHUNK_RADIUS);
  }
}
