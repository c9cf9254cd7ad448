package dev.lookalike.search;

import dev.lookalike.index.Hit;
import java.util.List;

/** The answer to a search, as the REST API and {@code search --json} print it. */
public record SearchResponse(List<Hit> hits, String mode, int k, int offset, double tookMs) {

  public SearchResponse {
    hits = List.copyOf(hits);
  }
}
