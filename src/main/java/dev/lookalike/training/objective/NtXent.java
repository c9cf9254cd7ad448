package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/**
 * The normalised-temperature cross-entropy of SimCLR (Chen et al. 2020): row i of one batch of unit
 * codes must pick row i of the other among all of its rows, and the other way round.
 */
final class NtXent {

  private NtXent() {}

  /** The codes scaled to unit length, row by row. */
  static NDArray unit(NDArray codes) {
    return codes.div(codes.square().sum(new int[] {1}, true).add(1e-8f).sqrt());
  }

  /**
   * The symmetric loss per pair: the mean of -log softmax of the matching pair over rows (a → b)
   * and over columns (b → a), at temperature {@code temperature}.
   */
  static NDArray loss(NDArray a, NDArray b, float temperature) {
    NDArray logits = a.matMul(b.transpose()).div(temperature);
    NDArray diagonal = logits.getManager().eye((int) logits.getShape().get(0));
    NDArray rows = logits.logSoftmax(1).mul(diagonal).sum().neg();
    NDArray columns = logits.logSoftmax(0).mul(diagonal).sum().neg();
    return rows.add(columns).div(2 * logits.getShape().get(0));
  }
}
