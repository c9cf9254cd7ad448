package dev.lookalike.index;

import dev.lookalike.graph.DiffusionParams;
import java.util.Random;

/** Search parameters with random tuning (hybrid factor, chunk radius, diffusion), for the suite. */
final class RandomParams {

  private RandomParams() {}

  static SearchParams of(
      Random random, int k, int offset, SearchMode mode, String label, int minHybridFactor) {
    int shortlist = 20 + random.nextInt(300);
    return new SearchParams(
        k,
        offset,
        mode,
        label,
        minHybridFactor + random.nextInt(20),
        random.nextInt(4),
        new DiffusionParams(
            shortlist,
            1 + random.nextInt(10),
            0.5f + 0.49f * random.nextFloat(),
            1 + random.nextInt(30),
            1 + random.nextInt(4)));
  }

  /** The same request without paging: its first {@code window()} hits. */
  static SearchParams unpaged(SearchParams page) {
    return new SearchParams(
        page.window(),
        0,
        page.mode(),
        page.label(),
        page.hybridFactor(),
        page.maxChunkRadius(),
        page.diffusion());
  }
}
