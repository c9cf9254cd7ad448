package dev.lookalike.config;

import dev.lookalike.graph.DiffusionParams;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.SearchParams;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

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

  /** Neighbours kept per image in the graph that diffusion mode ranks over. */
  @WithDefault("" + IndexSettings.DEFAULT_GRAPH_DEGREE)
  @Min(1)
  @Max(IndexSettings.MAX_GRAPH_DEGREE)
  int graphDegree();

  /**
   * How often the write-ahead log is folded into a Lucene commit (an acknowledged upload is durable
   * once the log is synced); 0 commits Lucene for every acknowledged change.
   */
  @WithDefault(IndexSettings.DEFAULT_CHECKPOINT_SECONDS + "s")
  @DurationMax(
      hours = IndexSettings.MAX_CHECKPOINT_HOURS,
      message = "must be at most 1 hour, got ${validatedValue}")
  @DurationMin(millis = 0, message = "must not be negative, got ${validatedValue}")
  Duration checkpointInterval();

  /** How diffusion mode re-ranks, under {@code lookalike.index.diffusion.*}. */
  Diffusion diffusion();

  /** The defaults and ranges are {@link DiffusionParams}'. */
  interface Diffusion {

    /** Nearest images (by cosine) that the diffusion re-ranks. */
    @WithDefault("" + DiffusionParams.DEFAULT_SHORTLIST)
    @Min(1)
    @Max(DiffusionParams.MAX_SHORTLIST)
    int shortlist();

    /** How many of the nearest start the diffusion. */
    @WithDefault("" + DiffusionParams.DEFAULT_SEEDS)
    @Min(1)
    @Max(DiffusionParams.MAX_SHORTLIST)
    int seeds();

    /** How far similarity spreads along the graph, in (0, 1). */
    @WithDefault(DiffusionParams.DEFAULT_ALPHA)
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(value = "1", inclusive = false)
    float alpha();

    /** Conjugate-gradient steps. */
    @WithDefault("" + DiffusionParams.DEFAULT_ITERATIONS)
    @Min(1)
    @Max(DiffusionParams.MAX_ITERATIONS)
    int iterations();

    /** How many of the nearest keep their cosine order before the diffusion ranks the rest. */
    @WithDefault("" + DiffusionParams.DEFAULT_KEPT)
    @Min(1)
    @Max(DiffusionParams.MAX_SHORTLIST)
    int kept();

    default DiffusionParams params() {
      return new DiffusionParams(shortlist(), seeds(), alpha(), iterations(), kept());
    }
  }

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
