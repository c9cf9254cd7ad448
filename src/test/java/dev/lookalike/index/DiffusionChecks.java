package dev.lookalike.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.codes.Codes;
import dev.lookalike.graph.DiffusionParams;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * The contract's check of what the diffusion mode leaves alone, kept apart from {@link
 * ImageIndexContractTest}, which runs it on every engine.
 */
final class DiffusionChecks {

  private DiffusionChecks() {}

  /**
   * The {@code kept} nearest come first in cosine order and the diffusion ranks only what follows
   * them; a window of at most {@code kept} hits is the dense mode's answer.
   */
  static void keepsTheNearestOnTop(
      ImageIndex index, RandomImages images, Random random, String where) throws IOException {
    int kept = 1 + random.nextInt(10);
    DiffusionParams diffusion = new DiffusionParams(200, 10, 0.99f, 20, kept);
    for (int q = 0; q < 10; q++) {
      Codes query = images.codes().query();
      assertEquals(
          ids(index.search(query, params(kept, SearchMode.DENSE, diffusion))),
          ids(index.search(query, params(kept, SearchMode.DIFFUSION, diffusion))),
          where + ": a window of at most " + kept + " hits");

      List<Hit> beyond = index.search(query, params(kept + 30, SearchMode.DIFFUSION, diffusion));
      for (int i = 1; i < kept; i++) {
        assertTrue(beyond.get(i).distance() >= beyond.get(i - 1).distance(), where);
      }
      float farthestKept = beyond.get(kept - 1).distance();
      for (Hit later : beyond.subList(kept, beyond.size())) {
        assertTrue(
            later.distance() >= farthestKept,
            where + ": the diffusion ranks only what follows the " + kept + " nearest");
      }
    }
  }

  private static SearchParams params(int k, SearchMode mode, DiffusionParams diffusion) {
    return new SearchParams(k, 0, mode, null, SearchParams.DEFAULT_HYBRID_FACTOR, 2, diffusion);
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }
}
