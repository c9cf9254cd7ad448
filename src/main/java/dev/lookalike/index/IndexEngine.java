package dev.lookalike.index;

/** Which engine holds the index. */
public enum IndexEngine {
  /** The Lucene index in a local directory ({@code lookalike.index.dir}): one process. */
  EMBEDDED,
  /** An OpenSearch cluster with the k-NN plugin ({@code lookalike.opensearch.*}): scale-out. */
  OPENSEARCH
}
