package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/** Sparse autoencoder, L1 form: λ times the mean absolute code value. */
record L1Sparsity(float weight) implements Penalty {

  L1Sparsity {
    Penalty.checkWeight("l1 sparsity λ", weight);
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    return input.code().abs().mean().mul(weight);
  }

  @Override
  public String spec() {
    return "sparse=l1:" + weight;
  }
}
