package dev.lookalike.api;

import dev.lookalike.search.SearchResponse;
import java.util.List;

/** The answer to a search, as the REST API and {@code search --json} write it. */
public record SearchJson(List<HitJson> hits, String mode, int k, int offset, double tookMs) {

  public static SearchJson of(SearchResponse response) {
    return new SearchJson(
        response.hits().stream().map(HitJson::of).toList(),
        response.mode(),
        response.k(),
        response.offset(),
        response.tookMs());
  }
}
