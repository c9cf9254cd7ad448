package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/**
 * Unsupervised invariance: an image and a randomly shifted/flipped copy of it (both corrupted as
 * usual) should get the same code. The term is λ·(mean squared code difference + a floor on each
 * unit's standard deviation + 1/25 of the off-diagonal covariance), the VICReg weighting, computed
 * on both views so nothing is gained by collapsing the codes.
 */
record InvariancePenalty(float weight) implements Penalty {

  /** VICReg's ratio of the covariance weight to the invariance and variance weights (1 : 25). */
  private static final float COVARIANCE_SHARE = 1f / 25f;

  InvariancePenalty {
    Penalty.checkWeight("invariance λ", weight);
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    NDArray a = input.code();
    NDArray b = input.viewCode();
    NDArray invariance = a.sub(b).square().mean();
    NDArray variance = CodeStatistics.varianceFloor(a, 1f).add(CodeStatistics.varianceFloor(b, 1f));
    NDArray covariance =
        CodeStatistics.offDiagonalCovariance(a).add(CodeStatistics.offDiagonalCovariance(b));
    return invariance.add(variance).add(covariance.mul(COVARIANCE_SHARE)).mul(weight);
  }

  @Override
  public boolean usesViews() {
    return true;
  }

  @Override
  public String spec() {
    return "invariance=" + weight;
  }
}
