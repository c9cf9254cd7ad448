package dev.lookalike.search;

import dev.lookalike.index.Hit;
import java.util.List;

/** The answer to a search: the index's hits and how they were found. */
public record SearchResponse(List<Hit> hits, String mode, int k, int offset, double tookMs) {

  public SearchResponse {
    hits = List.copyOf(hits);
  }
}
