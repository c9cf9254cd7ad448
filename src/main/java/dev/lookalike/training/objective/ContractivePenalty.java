package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;

/**
 * Contractive autoencoder (Rifai et al. 2011): λ·‖J_f(x)‖²_F, the squared Frobenius norm of the
 * encoder's Jacobian at the input, averaged over the batch.
 *
 * <p>The exact norm needs one backward pass per code unit. It is estimated instead with a random
 * probe: for ε ~ N(0, I), E‖J ε‖² = ‖J‖²_F, and J ε is the directional derivative, taken as the
 * finite difference (f(x + hε) − f(x)) / h. The encoder is piecewise linear (ReLU), so for a small
 * h the difference is the derivative itself almost everywhere, and the estimate is unbiased; its
 * variance over a batch of 128 is small enough for SGD. Costs one more encoder pass.
 */
record ContractivePenalty(float weight) implements Penalty {

  /** Step of the finite difference, small against pixel values in [0,1]. */
  private static final float STEP = 1e-2f;

  ContractivePenalty {
    Penalty.checkWeight("contractive λ", weight);
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    NDArray x = input.noisy();
    NDArray probe = input.noise().normalLike(x, 1f);
    NDArray moved = input.encode(x.add(probe.mul(STEP)));
    NDArray directional = moved.sub(input.code()).div(STEP);
    return directional.square().sum(new int[] {1}).mean().mul(weight);
  }

  @Override
  public String spec() {
    return "contractive=" + weight;
  }
}
