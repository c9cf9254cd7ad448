package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * For a binary code layer: each bit should be on for half the images (a balanced bit carries a full
 * bit of information) and bits should not copy each other. Weight times (Σ_j (mean_j − ½)² / units
 * + off-diagonal covariance of the sigmoid outputs).
 */
record BitBalancePenalty(float weight) implements Penalty {

  BitBalancePenalty {
    Penalty.checkWeight("bit balance weight", weight);
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    NDArray bits = Activation.sigmoid(input.code());
    NDArray balance = bits.mean(new int[] {0}).sub(0.5f).square().mean();
    return balance.add(CodeStatistics.offDiagonalCovariance(bits)).mul(weight);
  }

  @Override
  public String spec() {
    return "bit-balance=" + weight;
  }
}
