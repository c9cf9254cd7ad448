package dev.lookalike.training;

import dev.lookalike.training.objective.VaeLoss;

/**
 * How to train the VAE: the common options plus the weight of its KL term.
 *
 * <p>The corruption of {@code training} still applies: with anything but {@code none} the encoder
 * sees a corrupted image and the loss compares with the clean one (a denoising VAE).
 *
 * @param training epochs, batch size, learning rate, validation share, seed, input corruption
 * @param beta weight of the KL term: 1 for the plain VAE, more for a β-VAE
 * @param annealEpochs epochs over which the KL weight rises linearly from 0 to β; 0 for none
 */
public record VaeOptions(TrainingOptions training, float beta, int annealEpochs) {

  /** Epochs of KL annealing unless told otherwise. */
  public static final int DEFAULT_ANNEAL_EPOCHS = 5;

  public VaeOptions {
    if (training == null) {
      throw new IllegalArgumentException("training options are required");
    }
    if (!(beta > 0 && beta <= 1000)) {
      throw new IllegalArgumentException("beta must be in (0, 1000], got: " + beta);
    }
    if (annealEpochs < 0 || annealEpochs > 10_000) {
      throw new IllegalArgumentException(
          "anneal epochs must be in [0, 10000], got: " + annealEpochs);
    }
  }

  /** Options with the default {@value #DEFAULT_ANNEAL_EPOCHS} epochs of annealing. */
  public VaeOptions(TrainingOptions training, float beta) {
    this(training, beta, DEFAULT_ANNEAL_EPOCHS);
  }

  /** The weight on the KL term in an epoch (from 1): β times the annealing factor. */
  public float klWeight(int epoch) {
    return beta * VaeLoss.annealing(epoch, annealEpochs);
  }
}
