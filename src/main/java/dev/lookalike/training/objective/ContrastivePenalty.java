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
    NDArray view = input.corrupt(input.views().apply(input.clean()));
    NDArray a = unit(input.code());
    NDArray b = unit(input.encode(view));
    NDArray logits = a.matMul(b.transpose()).div(temperature);
    NDArray diagonal = logits.getManager().eye((int) logits.getShape().get(0));
    // -log softmax of the matching pair, rows (a → b) and columns (b → a)
    NDArray rows = logits.logSoftmax(1).mul(diagonal).sum().neg();
    NDArray columns = logits.logSoftmax(0).mul(diagonal).sum().neg();
    return rows.add(columns).div(2 * logits.getShape().get(0)).mul(weight);
  }

  private static NDArray unit(NDArray codes) {
    return codes.div(codes.square().sum(new int[] {1}, true).add(1e-8f).sqrt());
  }

  @Override
  public String spec() {
    return "contrastive=" + weight + ":" + temperature;
  }
}
