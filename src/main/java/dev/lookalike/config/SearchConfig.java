package dev.lookalike.config;

import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What a search request gets when it leaves a parameter out, under {@code lookalike.search.*}.
 * Typed, so that a typo in the mode stops start-up instead of failing every search.
 */
@ConfigMapping(prefix = "lookalike.search")
public interface SearchConfig {

  /** Hits per search when the request gives no {@code k}. */
  @WithDefault("10")
  @Min(1)
  @Max(SearchParams.MAX_K)
  int defaultK();

  /** The mode when the request gives none: diffusion, dense, hash, hybrid or exact. */
  @WithDefault("diffusion")
  SearchMode defaultMode();
}
