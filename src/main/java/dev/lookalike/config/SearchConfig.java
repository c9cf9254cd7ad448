package dev.lookalike.config;

import dev.lookalike.copies.CopyCheck;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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

  /** How a search by image puts an edited copy's original first, under {@code copy-check.*}. */
  @WithName("copy-check") // named here too, so that a validation error names the property
  CopyCheckConfig copyCheck();

  /** The defaults and ranges are {@link CopyCheck}'s. */
  interface CopyCheckConfig {

    /**
     * How many of the mode's first hits, and of the dense code's nearest, are compared pixel by
     * pixel with the query; 0 turns it off.
     */
    @WithDefault("" + CopyCheck.DEFAULT_CANDIDATES)
    @Min(0)
    @Max(CopyCheck.MAX_CANDIDATES)
    int candidates();

    /** The least alignment score (a correlation in [0, 1]) that makes a hit the original. */
    @WithDefault(CopyCheck.DEFAULT_THRESHOLD)
    @DecimalMin(value = "0", message = "must be in [0, 1], got ${validatedValue}")
    @DecimalMax(value = "1", message = "must be in [0, 1], got ${validatedValue}")
    float threshold();

    /** How far the best match must score above the next closely aligned candidate. */
    @WithDefault(CopyCheck.DEFAULT_MARGIN)
    @DecimalMin(value = "0", message = "must be in [0, 1], got ${validatedValue}")
    @DecimalMax(value = "1", message = "must be in [0, 1], got ${validatedValue}")
    float margin();

    /**
     * How many of the dense code's nearest images are looked through by their stored sketches for
     * more candidates; 0 (or no more than {@code candidates}) turns that off.
     */
    @WithDefault("" + CopyCheck.DEFAULT_SKETCH_REACH)
    @Min(0)
    @Max(CopyCheck.MAX_SKETCH_REACH)
    int sketchReach();

    default CopyCheck check() {
      return new CopyCheck(candidates(), threshold(), margin(), sketchReach());
    }
  }
}
