package dev.lookalike.api;

import dev.lookalike.app.Components;
import dev.lookalike.index.SearchParams;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query-string parameters every search endpoint takes; unset ones fall back to the configured
 * defaults.
 */
public class SearchQuery {

  /** Hits to return. */
  @RestQuery Integer k;

  /** Hits to skip first (paging). */
  @RestQuery Integer offset;

  /** diffusion, dense, hash, hybrid or exact. */
  @RestQuery String mode;

  /** Only images with this label. */
  @RestQuery String label;

  SearchParams params(Components components) {
    return Params.search(components, k, offset, mode, label);
  }
}
