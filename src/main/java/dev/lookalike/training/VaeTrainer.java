package dev.lookalike.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.lookalike.encoder.Batches;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvVae;
import dev.lookalike.nn.Noise;
import dev.lookalike.training.objective.VaeLoss;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link ConvVae}: the reconstruction error plus the KL term weighted by β and the
 * annealing factor of the epoch ({@link VaeLoss}).
 *
 * <p>Held-out images report reconstruction, KL and an ELBO estimate (with β = 1, see {@link
 * VaeEpochStats#validationElbo()}), so over-fitting and posterior collapse (KL near 0) show up.
 */
public final class VaeTrainer extends NetworkTrainer<VaeEpochStats> {

  private final int latent;
  private final int filters;
  private final VaeOptions vaeOptions;

  /** Trains a fresh {@code new ConvVae(spec, latent, filters)} per run. */
  public VaeTrainer(
      ImageSpec spec,
      int latent,
      int filters,
      VaeOptions options,
      Consumer<? super VaeEpochStats> listener) {
    super(spec, options.training(), listener);
    this.latent = latent;
    this.filters = filters;
    this.vaeOptions = options;
  }

  @Override
  protected String name() {
    return "lookalike-vae";
  }

  @Override
  protected Block network(Noise noise) {
    return new ConvVae(spec, latent, filters, noise);
  }

  @Override
  protected Loss configLoss() {
    return new VaeLoss(vaeOptions.beta());
  }

  @Override
  protected Run<VaeEpochStats> start(Trainer trainer, Random order, Noise noise, int trainImages) {
    return new Run<>() {
      @Override
      public NDList inputs(NDManager scope, List<FloatImage> batch) {
        NDArray clean = Batches.stack(scope, spec, batch, 0, batch.size());
        return new NDList(clean, options.corruption().apply(clean, noise));
      }

      @Override
      public StepLoss loss(NDManager scope, NDList inputs, int epoch) {
        VaeLoss.Terms terms =
            VaeLoss.terms(inputs.get(0), trainer.forward(new NDList(inputs.get(1))));
        VaeLoss loss = new VaeLoss(vaeOptions.klWeight(epoch));
        return new StepLoss(loss.objective(terms), means(terms));
      }

      /** One z sample per image, as in training, so the two terms sum to an estimate of −ELBO. */
      @Override
      public double[] validate(NDManager scope, NDArray clean) {
        return means(VaeLoss.terms(clean, trainer.forward(new NDList(clean))));
      }

      @Override
      public int validationTerms() {
        return 2;
      }

      @Override
      public VaeEpochStats stats(
          int epoch, double[] train, double[] validation, double seconds, double imagesPerSecond) {
        return new VaeEpochStats(
            epoch,
            vaeOptions.klWeight(epoch),
            train[0],
            train[1],
            validation[0],
            validation[1],
            -(validation[0] + validation[1]),
            seconds,
            imagesPerSecond);
      }
    };
  }

  private static double[] means(VaeLoss.Terms terms) {
    return new double[] {
      terms.reconstruction().mean().getFloat(), terms.divergence().mean().getFloat()
    };
  }
}
