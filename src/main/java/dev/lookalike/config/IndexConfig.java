package dev.lookalike.config;

import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.SearchParams;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/**
 * The Lucene index, under {@code lookalike.index.*}. The tuning defaults and ranges are {@link
 * IndexSettings}', checked here too so that a bad value stops start-up, naming the property.
 */
@ConfigMapping(prefix = "lookalike.index")
public interface IndexConfig {

  /** Directory of the index; created when missing. */
  @WithDefault("index")
  Path dir();

  /** HNSW graph degree (M). */
  @WithDefault("" + IndexSettings.DEFAULT_HNSW_MAX_CONN)
  @Min(IndexSettings.MIN_HNSW_MAX_CONN)
  @Max(IndexSettings.MAX_HNSW_MAX_CONN)
  int hnswMaxConn();

  /** HNSW construction beam. */
  @WithDefault("" + IndexSettings.DEFAULT_HNSW_BEAM_WIDTH)
  @Min(1)
  @Max(IndexSettings.MAX_HNSW_BEAM_WIDTH)
  int hnswBeamWidth();

  /** Hybrid search re-ranks this many times k hash candidates by dense cosine. */
  @WithDefault("" + SearchParams.DEFAULT_HYBRID_FACTOR)
  @Min(1)
  @Max(SearchParams.MAX_HYBRID_FACTOR)
  int hybridFactor();

  /** Bucket lookup widens to chunk values within this Hamming radius before scanning. */
  @WithDefault("" + SearchParams.DEFAULT_MAX_CHUNK_RADIUS)
  @Min(0)
  @Max(SearchParams.MAX_CHUNK_RADIUS)
  int maxChunkRadius();
}
