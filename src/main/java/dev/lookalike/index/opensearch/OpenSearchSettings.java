package dev.lookalike.index.opensearch;

/**
 * What the OpenSearch engine fixes when it creates its index; the HNSW parameters are the embedded
 * index's ({@link dev.lookalike.index.IndexSettings}).
 *
 * @param index the index name
 * @param shards primary shards (fixed once the index exists)
 * @param replicas copies of each shard on other nodes
 * @param bulkBatch documents per bulk request when adding
 * @param retries how many times a bulk request (or the items of it the cluster refused with 429 or
 *     5xx) is retried, with doubling back-off, before the add fails
 */
public record OpenSearchSettings(
    String index, int shards, int replicas, int bulkBatch, int retries) {

  public static final String DEFAULT_INDEX = "lookalike";
  public static final int DEFAULT_SHARDS = 1;
  public static final int DEFAULT_REPLICAS = 1;
  public static final int DEFAULT_BULK_BATCH = 500;
  public static final int DEFAULT_RETRIES = 8;
  public static final int MAX_SHARDS = 1024;
  public static final int MAX_BULK_BATCH = 10_000;

  public OpenSearchSettings {
    if (index == null || !index.matches("[a-z0-9][a-z0-9_.-]{0,200}")) {
      throw new IllegalArgumentException(
          "OpenSearch index name must be lower-case letters, digits, '_', '.', '-', got: " + index);
    }
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException(
          "shards must be in [1, " + MAX_SHARDS + "], got: " + shards);
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be at least 0, got: " + replicas);
    }
    if (bulkBatch < 1 || bulkBatch > MAX_BULK_BATCH) {
      throw new IllegalArgumentException(
          "bulk batch must be in [1, " + MAX_BULK_BATCH + "], got: " + bulkBatch);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be at least 0, got: " + retries);
    }
  }

  /** These settings for the index {@code name}. */
  public OpenSearchSettings withIndex(String name) {
    return new OpenSearchSettings(name, shards, replicas, bulkBatch, retries);
  }

  public static OpenSearchSettings of(String index, int shards, int replicas) {
    return new OpenSearchSettings(index, shards, replicas, DEFAULT_BULK_BATCH, DEFAULT_RETRIES);
  }
}
