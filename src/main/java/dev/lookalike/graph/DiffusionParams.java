package dev.lookalike.graph;

/**
 * How a query's similarity is diffused over the neighbour graph (Iscen et al., CVPR 2017), in its
 * truncated form: only over the graph among the query's {@code shortlist} nearest images.
 *
 * @param shortlist nearest images (by cosine) the diffusion re-ranks; at least the requested window
 * @param seeds how many of the nearest start the diffusion, weighted by their cosine cubed (at most
 *     the shortlist's size)
 * @param alpha how far similarity spreads along the graph, in (0, 1): near 1 follows the manifold
 *     further, near 0 stays with the seeds
 * @param iterations conjugate-gradient steps
 * @param kept how many of the nearest keep their cosine order at the top, at least the nearest (a
 *     copy of the query must come back first whatever its neighbourhood); the diffusion ranks the
 *     rest after them
 */
public record DiffusionParams(int shortlist, int seeds, float alpha, int iterations, int kept) {

  public static final int DEFAULT_SHORTLIST = 200;
  public static final int MAX_SHORTLIST = 20_000;
  public static final int DEFAULT_SEEDS = 10;
  public static final String DEFAULT_ALPHA = "0.99";
  public static final int DEFAULT_ITERATIONS = 20;
  public static final int MAX_ITERATIONS = 200;

  /**
   * A first page of hits is the query's own nearest codes: on the validation splits, diffusion
   * lifted no first page on Fashion-MNIST and cost one in five cross-style emoji its match in the
   * top 10, while ranking deeper it adds +0.02 mAP@1000 (BENCHMARKS.md, issue 10).
   */
  public static final int DEFAULT_KEPT = 10;

  public static final DiffusionParams DEFAULT =
      new DiffusionParams(
          DEFAULT_SHORTLIST,
          DEFAULT_SEEDS,
          Float.parseFloat(DEFAULT_ALPHA),
          DEFAULT_ITERATIONS,
          DEFAULT_KEPT);

  public DiffusionParams {
    if (shortlist < 1 || shortlist > MAX_SHORTLIST) {
      throw new IllegalArgumentException(
          "diffusion shortlist must be in [1, " + MAX_SHORTLIST + "], got: " + shortlist);
    }
    // Not bounded by the shortlist: a search seeds with at most what it shortlisted, so no
    // combination of valid settings can fail a request.
    if (seeds < 1 || seeds > MAX_SHORTLIST) {
      throw new IllegalArgumentException(
          "diffusion seeds must be in [1, " + MAX_SHORTLIST + "], got: " + seeds);
    }
    if (!(alpha > 0f && alpha < 1f)) {
      throw new IllegalArgumentException("diffusion alpha must be in (0, 1), got: " + alpha);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "diffusion iterations must be in [1, " + MAX_ITERATIONS + "], got: " + iterations);
    }
    // Like the seeds, not bounded by the shortlist: keeping more than was shortlisted keeps all.
    if (kept < 1 || kept > MAX_SHORTLIST) {
      throw new IllegalArgumentException(
          "diffusion kept must be in [1, " + MAX_SHORTLIST + "], got: " + kept);
    }
  }

  /** Whether a window of that many hits leaves the diffusion anything to rank. */
  public boolean ranks(int window) {
    return window > kept;
  }
}
