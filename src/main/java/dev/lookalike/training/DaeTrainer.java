package dev.lookalike.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.lookalike.encoder.Batches;
import dev.lookalike.encoder.ModelSource;
import dev.lookalike.encoder.VaeModel;
import dev.lookalike.generative.Augmenter;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.nn.Noise;
import dev.lookalike.training.objective.DaeObjective;
import dev.lookalike.training.objective.Penalty;
import dev.lookalike.training.objective.PenaltyInput;
import dev.lookalike.training.objective.RandomViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link ConvAutoencoder} as a denoising autoencoder: the mean squared error between the
 * clean image and the reconstruction of its corrupted copy, plus the penalties of its {@link
 * DaeObjective}; batches may be enlarged with VAE variants. Reports per epoch {reconstruction,
 * penalty} in training and the clean-input reconstruction error on held-out images.
 */
public final class DaeTrainer extends NetworkTrainer<EpochStats> {

  private final ConvAutoencoder.Builder architecture;
  private final DaeObjective objective;

  /** {@code architecture} is built fresh for each run, with that run's noise. */
  public DaeTrainer(
      ImageSpec spec,
      ConvAutoencoder.Builder architecture,
      TrainingOptions options,
      DaeObjective objective,
      Consumer<? super EpochStats> listener) {
    super(spec, options, listener);
    this.architecture = architecture;
    this.objective = objective;
  }

  @Override
  protected String name() {
    return "lookalike-dae";
  }

  @Override
  protected Block network(Noise noise) {
    return architecture.optNoise(noise).build().block();
  }

  @Override
  protected Loss configLoss() {
    return Loss.l2Loss("mse", 1f);
  }

  @Override
  protected Run<EpochStats> start(Trainer trainer, Random order, Noise noise, int trainImages) {
    List<Penalty> penalties =
        objective.penalties().stream().map(penalty -> penalty.forRun(trainImages)).toList();
    return new DaeRun(trainer, order, noise, penalties, openVae());
  }

  /** The VAE whose variants are mixed into the batches, checked against the input shape. */
  private VaeModel openVae() {
    if (objective.mixing() == null) {
      return null;
    }
    VaeModel vae = VaeModel.load(ModelSource.directory(objective.mixing().vae()));
    if (!vae.spec().equals(spec)) {
      vae.close();
      throw new IllegalArgumentException(
          "the VAE in "
              + objective.mixing().vae()
              + " takes "
              + vae.spec()
              + " images but this model takes "
              + spec);
    }
    return vae;
  }

  /** Corrupt, encode, decode, add the penalties. */
  private final class DaeRun implements Run<EpochStats> {
    private final Trainer trainer;
    private final Block encoder;
    private final Block decoder;
    private final RandomViews views;
    private final Random order;
    private final Noise noise;
    private final VaeModel vae;
    private final Augmenter augmenter;
    private final List<Penalty> penalties;

    DaeRun(Trainer trainer, Random order, Noise noise, List<Penalty> penalties, VaeModel vae) {
      this.trainer = trainer;
      this.encoder = ConvAutoencoder.encoderOf(trainer.getModel().getBlock());
      this.decoder = ConvAutoencoder.decoderOf(trainer.getModel().getBlock());
      this.views = new RandomViews(objective.views(), order);
      this.order = order;
      this.noise = noise;
      this.vae = vae;
      this.augmenter = vae == null ? null : new Augmenter(vae);
      this.penalties = penalties;
    }

    @Override
    public NDList inputs(NDManager scope, List<FloatImage> images) {
      List<FloatImage> batch = augmenter == null ? images : withVariants(images);
      NDArray clean = Batches.stack(scope, spec, batch, 0, batch.size());
      return new NDList(clean, options.corruption().apply(clean, noise));
    }

    @Override
    public StepLoss loss(NDManager scope, NDList inputs, int epoch) {
      NDArray clean = inputs.get(0);
      NDArray noisy = inputs.get(1);
      ParameterStore parameters = new ParameterStore(scope, false);
      NDArray code = encoder.forward(parameters, new NDList(noisy), true).singletonOrThrow();
      NDArray reconstruction =
          decoder.forward(parameters, new NDList(code), true).singletonOrThrow();
      NDArray loss = reconstruction.sub(clean).square().mean();
      double[] terms = {loss.getFloat(), 0};
      if (!penalties.isEmpty()) {
        PenaltyInput input =
            new PenaltyInput(
                parameters, encoder, clean, noisy, code, options.corruption(), views, noise);
        NDArray penalty = null;
        for (Penalty term : penalties) {
          NDArray value = term.loss(input);
          penalty = penalty == null ? value : penalty.add(value);
        }
        terms[1] = penalty.getFloat();
        loss = loss.add(penalty);
      }
      return new StepLoss(loss, terms);
    }

    /** The batch plus VAE variants of round(ratio·n) of its images, drawn at random. */
    private List<FloatImage> withVariants(List<FloatImage> images) {
      int extra = Math.round(objective.mixing().ratio() * images.size());
      List<FloatImage> sources = new ArrayList<>(extra);
      for (int i = 0; i < extra; i++) {
        sources.add(images.get(order.nextInt(images.size())));
      }
      List<FloatImage> batch = new ArrayList<>(images);
      if (!sources.isEmpty()) {
        batch.addAll(augmenter.variants(sources, objective.mixing().temperature(), order));
      }
      return batch;
    }

    @Override
    public double[] validate(NDManager scope, NDArray clean) {
      NDArray reconstruction = trainer.evaluate(new NDList(clean)).singletonOrThrow();
      return new double[] {reconstruction.sub(clean).square().mean().getFloat()};
    }

    @Override
    public int validationTerms() {
      return 1;
    }

    @Override
    public EpochStats stats(
        int epoch, double[] train, double[] validation, double seconds, double imagesPerSecond) {
      return new EpochStats(epoch, train[0], train[1], validation[0], seconds, imagesPerSecond);
    }

    @Override
    public void close() {
      if (vae != null) {
        vae.close();
      }
    }
  }
}
