package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/**
 * Label-free pseudo-structure in the style of NNCLR (Dwibedi et al., ICCV 2021): besides its own
 * view, an image's nearest neighbour among the codes of recently seen images is a positive for its
 * view. The positives come from a support set of past codes, so they reach beyond the batch and
 * across edits no view makes (another photograph of the same kind of thing). λ times the NT-Xent of
 * those pairs at temperature 0.2 (the contrastive term's default).
 *
 * <p>This record is the configuration; each training run gets its own support set from {@link
 * #forRun(int)}.
 *
 * @param weight λ
 * @param support how many past codes are searched for each image's neighbour; keep it well below
 *     the number of training images, or an image's own earlier code is its neighbour
 */
public record NeighbourPositives(float weight, int support) implements Penalty {

  /** The support sets' size when none is given. */
  public static final int DEFAULT_SUPPORT = 8192;

  static final float TEMPERATURE = 0.2f;

  public NeighbourPositives {
    Penalty.checkWeight("neighbour-positives λ", weight);
    if (support < 64 || support > 1 << 20) {
      throw new IllegalArgumentException(
          "the neighbour-positives support must be in [64, 1048576] codes, got: " + support);
    }
  }

  /** Only a run's own instance ({@link #forRun(int)}) holds a support set to search. */
  @Override
  public NDArray loss(PenaltyInput input) {
    throw new IllegalStateException("neighbour positives need a run's support set: use forRun()");
  }

  /**
   * @throws IllegalArgumentException when the support is more than half the training images: an
   *     image's own code from the previous pass would then often be its neighbour
   */
  @Override
  public Penalty forRun(int trainImages) {
    if (support > trainImages / 2) {
      throw new IllegalArgumentException(
          String.format(
              "--neighbour-positives: a support of %d codes is more than half of the %d training"
                  + " images, so an image's own earlier code would often be its neighbour; give at"
                  + " most %d, e.g. %s:%d",
              support, trainImages, trainImages / 2, weight, Math.max(64, trainImages / 4)));
    }
    return new NeighbourContrast(this);
  }

  @Override
  public boolean usesViews() {
    return true;
  }

  @Override
  public String spec() {
    return "neighbours=" + weight + ":" + support;
  }
}
