package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The VAE objective: reconstruction error plus a weighted KL divergence of the posterior from the
 * N(0, I) prior, both summed over an image and averaged over the batch.
 *
 * <p>The reconstruction term is the sum of squared errors, i.e. the negative log-likelihood of a
 * Gaussian decoder with variance ½ per value up to a constant; with weight 1 on the KL term the
 * objective is the negative ELBO up to that constant. A weight β &gt; 1 gives the β-VAE (Higgins et
 * al. 2017), which trades reconstruction for a posterior closer to the prior; the trainer also
 * scales it by an annealing factor early on ({@link #annealing}), so the decoder learns to use z
 * before the KL term pulls the posterior onto the prior (Bowman et al. 2016).
 */
public final class VaeLoss extends Loss {

  private final float klWeight;

  /** A loss with the given weight on the KL term: β times the annealing factor. */
  public VaeLoss(float klWeight) {
    super("vae");
    if (!(klWeight >= 0 && klWeight <= 1000)) {
      throw new IllegalArgumentException("KL weight must be in [0, 1000], got: " + klWeight);
    }
    this.klWeight = klWeight;
  }

  /**
   * The two terms per image.
   *
   * @param reconstruction sum of squared errors of each image, shape (batch)
   * @param divergence KL(q(z|x) ‖ N(0, I)) of each image, shape (batch)
   */
  public record Terms(NDArray reconstruction, NDArray divergence) {}

  /** The terms for a batch of images and a {@link ConvVae} output {@code (x̂, μ, log σ²)}. */
  public static Terms terms(NDArray images, NDList output) {
    return new Terms(
        reconstruction(images, output.get(0)), divergence(output.get(1), output.get(2)));
  }

  /** Sum of squared errors per image. */
  public static NDArray reconstruction(NDArray images, NDArray reconstructions) {
    long batch = images.getShape().get(0);
    return reconstructions.sub(images).square().reshape(batch, -1).sum(new int[] {1});
  }

  /** KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ(1 + log σ² − μ² − σ²) per row. */
  public static NDArray divergence(NDArray mean, NDArray logVariance) {
    return logVariance
        .add(1f)
        .sub(mean.square())
        .sub(logVariance.exp())
        .sum(new int[] {1})
        .mul(-0.5f);
  }

  /**
   * The KL annealing factor of an epoch (from 1): rises linearly from 0 at epoch 1 to 1 at epoch
   * {@code annealEpochs} and stays there; 0 or 1 anneal epochs mean no annealing (always 1).
   */
  public static float annealing(int epoch, int annealEpochs) {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be at least 1, got: " + epoch);
    }
    if (annealEpochs < 0) {
      throw new IllegalArgumentException("anneal epochs must be at least 0, got: " + annealEpochs);
    }
    if (annealEpochs <= 1) {
      return 1f;
    }
    return Math.min(1f, (epoch - 1) / (float) (annealEpochs - 1));
  }

  public float klWeight() {
    return klWeight;
  }

  /** The batch mean of reconstruction plus the weighted KL term: the scalar to minimise. */
  public NDArray objective(Terms terms) {
    return terms.reconstruction().mean().add(terms.divergence().mean().mul(klWeight));
  }

  /** {@code labels} is the clean batch, {@code predictions} the {@link ConvVae} output. */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return objective(terms(labels.singletonOrThrow(), predictions));
  }
}
