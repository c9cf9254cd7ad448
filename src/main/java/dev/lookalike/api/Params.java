package dev.lookalike.api;

import dev.lookalike.config.LookalikeConfig;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;

/** Search parameters from query strings, with the configured defaults. */
final class Params {

  private Params() {}

  static SearchParams search(
      LookalikeConfig config, Integer k, Integer offset, String mode, String label) {
    return new SearchParams(
        k == null ? config.search().defaultK() : k,
        offset == null ? 0 : offset,
        SearchMode.parse(mode == null || mode.isBlank() ? config.search().defaultMode() : mode),
        label,
        config.index().hybridFactor(),
        config.index().maxChunkRadius());
  }
}
