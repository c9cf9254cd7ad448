package dev.lookalike.index;

import java.time.Duration;

/**
 * What an index fixes when it is built; everything that may change per search travels in {@link
 * SearchParams}. The constants are the defaults and limits; the server's configuration ({@code
 * lookalike.index.*}) takes both from here.
 *
 * @param hnswMaxConn HNSW graph degree (M)
 * @param hnswBeamWidth HNSW construction beam
 * @param graphDegree neighbours kept per image in the neighbour graph that diffusion ranks over
 * @param checkpointInterval how often the embedded index folds its write-ahead log into a Lucene
 *     commit; between those, a commit only syncs the log. Zero: no log, every commit is a Lucene
 *     commit (a bulk run that commits on its own schedule)
 * @param graphLinking when new images get their neighbour-graph lists
 */
public record IndexSettings(
    int hnswMaxConn,
    int hnswBeamWidth,
    int graphDegree,
    Duration checkpointInterval,
    GraphLinking graphLinking) {

  public static final int DEFAULT_HNSW_MAX_CONN = 16;
  public static final int MIN_HNSW_MAX_CONN = 2;
  public static final int MAX_HNSW_MAX_CONN = 512;
  public static final int DEFAULT_HNSW_BEAM_WIDTH = 100;
  public static final int MAX_HNSW_BEAM_WIDTH = 3200;
  public static final int DEFAULT_GRAPH_DEGREE = 15;
  public static final int MAX_GRAPH_DEGREE = 100;
  public static final int DEFAULT_CHECKPOINT_SECONDS = 30;
  public static final int MAX_CHECKPOINT_HOURS = 1;
  private static final Duration MAX_CHECKPOINT_INTERVAL = Duration.ofHours(MAX_CHECKPOINT_HOURS);

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
    if (checkpointInterval == null
        || checkpointInterval.isNegative()
        || checkpointInterval.compareTo(MAX_CHECKPOINT_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "checkpoint interval must be in [0, 1 hour], got: " + checkpointInterval);
    }
    if (graphLinking == null) {
      throw new IllegalArgumentException("graph linking must be given");
    }
  }

  /** Settings of an index that links each image as it is added. */
  public IndexSettings(
      int hnswMaxConn, int hnswBeamWidth, int graphDegree, Duration checkpointInterval) {
    this(hnswMaxConn, hnswBeamWidth, graphDegree, checkpointInterval, GraphLinking.ON_ADD);
  }

  /** The same settings without a write-ahead log: every commit is a Lucene commit. */
  public IndexSettings withoutLog() {
    return new IndexSettings(hnswMaxConn, hnswBeamWidth, graphDegree, Duration.ZERO, graphLinking);
  }

  /**
   * The settings of a bulk run that nothing searches while it writes: no log (it commits on its own
   * schedule) and the neighbour graph's lists computed together when it closes.
   */
  public IndexSettings forBulk() {
    return new IndexSettings(
        hnswMaxConn, hnswBeamWidth, graphDegree, Duration.ZERO, GraphLinking.ON_CLOSE);
  }

  public boolean logged() {
    return !checkpointInterval.isZero();
  }

  public static IndexSettings defaults() {
    return new IndexSettings(
        DEFAULT_HNSW_MAX_CONN,
        DEFAULT_HNSW_BEAM_WIDTH,
        DEFAULT_GRAPH_DEGREE,
        Duration.ofSeconds(DEFAULT_CHECKPOINT_SECONDS));
  }
}
