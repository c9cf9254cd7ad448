package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/**
 * Batch statistics of codes that keep them informative (the variance and covariance terms of
 * VICReg, Bardes et al. 2022). Without them an invariance term is met most cheaply by collapsing
 * every image onto nearly the same code, which was measured here (FINDINGS.md).
 */
final class CodeStatistics {

  private static final float EPSILON = 1e-4f;

  private CodeStatistics() {}

  /**
   * Mean over units of max(0, target − std of the unit over the batch): a floor on each unit's
   * spread.
   */
  static NDArray varianceFloor(NDArray codes, float target) {
    NDArray std =
        codes.sub(codes.mean(new int[] {0})).square().mean(new int[] {0}).add(EPSILON).sqrt();
    return std.neg().add(target).maximum(0f).mean();
  }

  /** Sum of squared off-diagonal covariances divided by the number of units: decorrelates units. */
  static NDArray offDiagonalCovariance(NDArray codes) {
    long n = codes.getShape().get(0);
    long d = codes.getShape().get(1);
    NDArray centred = codes.sub(codes.mean(new int[] {0}));
    NDArray covariance = centred.transpose().matMul(centred).div(Math.max(1, n - 1));
    NDArray diagonal = covariance.square().mul(covariance.getManager().eye((int) d));
    return covariance.square().sum().sub(diagonal.sum()).div(d);
  }
}
