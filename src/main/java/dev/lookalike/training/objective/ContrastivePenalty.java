package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/**
 * Unsupervised invariance by contrast (the NT-Xent loss of SimCLR, Chen et al. 2020): the codes of
 * an image and of a shifted/flipped view of it, normalised, must be more similar to each other than
 * to the views of the other images in the batch. λ times the symmetric cross-entropy of picking the
 * right partner among the batch at temperature τ. The other images act as negatives, which is what
 * keeps the codes from collapsing; no labels are used.
 */
record ContrastivePenalty(float weight, float temperature) implements Penalty {

  ContrastivePenalty {
    Penalty.checkWeight("contrastive λ", weight);
    if (!(temperature > 0 && temperature <= 10)) {
      throw new IllegalArgumentException(
          "contrastive temperature τ must be in (0, 10], got: " + temperature);
    }
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    return NtXent.loss(NtXent.unit(input.code()), NtXent.unit(input.viewCode()), temperature)
        .mul(weight);
  }

  @Override
  public boolean usesViews() {
    return true;
  }

  @Override
  public String spec() {
    return "contrastive=" + weight + ":" + temperature;
  }
}
