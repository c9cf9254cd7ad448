package dev.lookalike.index;

/**
 * What an index fixes when it is built; everything that may change per search travels in {@link
 * SearchParams}. The constants are the defaults and limits; the server's configuration ({@code
 * lookalike.index.*}) takes both from here.
 *
 * @param hnswMaxConn HNSW graph degree (M)
 * @param hnswBeamWidth HNSW construction beam
 * @param graphDegree neighbours kept per image in the neighbour graph that diffusion ranks over
 */
public record IndexSettings(int hnswMaxConn, int hnswBeamWidth, int graphDegree) {

  public static final int DEFAULT_HNSW_MAX_CONN = 16;
  public static final int MIN_HNSW_MAX_CONN = 2;
  public static final int MAX_HNSW_MAX_CONN = 512;
  public static final int DEFAULT_HNSW_BEAM_WIDTH = 100;
  public static final int MAX_HNSW_BEAM_WIDTH = 3200;
  public static final int DEFAULT_GRAPH_DEGREE = 15;
  public static final int MAX_GRAPH_DEGREE = 100;

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
    if (graphDegree < 1 || graphDegree > MAX_GRAPH_DEGREE) {
      throw new IllegalArgumentException(
          "graph degree must be in [1, " + MAX_GRAPH_DEGREE + "], got: " + graphDegree);
    }
  }

  public static IndexSettings defaults() {
    return new IndexSettings(DEFAULT_HNSW_MAX_CONN, DEFAULT_HNSW_BEAM_WIDTH, DEFAULT_GRAPH_DEGREE);
  }
}
