package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Sparse autoencoder, KL form (Ng's lecture notes): each code unit's mean activation ρ̂_j over the
 * batch (after a sigmoid, so it lies in (0,1)) is pulled toward a small target ρ by β·Σ_j KL(ρ ‖
 * ρ̂_j).
 */
record KlSparsity(float target, float weight) implements Penalty {

  private static final float EPSILON = 1e-6f;

  KlSparsity {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("kl sparsity target ρ must be in (0, 1), got: " + target);
    }
    Penalty.checkWeight("kl sparsity β", weight);
  }

  @Override
  public NDArray loss(PenaltyInput input) {
    NDArray rhoHat =
        Activation.sigmoid(input.code()).mean(new int[] {0}).clip(EPSILON, 1 - EPSILON);
    // ρ·(log ρ − log ρ̂) + (1 − ρ)·(log(1 − ρ) − log(1 − ρ̂))
    NDArray kl =
        rhoHat
            .log()
            .neg()
            .add((float) Math.log(target))
            .mul(target)
            .add(
                rhoHat
                    .neg()
                    .add(1f)
                    .log()
                    .neg()
                    .add((float) Math.log(1 - target))
                    .mul(1f - target));
    return kl.sum().mul(weight);
  }

  @Override
  public String spec() {
    return "sparse=kl:" + target + ":" + weight;
  }
}
