package dev.lookalike.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
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
import dev.lookalike.training.objective.DaeObjective;
import dev.lookalike.training.objective.Penalty;
import dev.lookalike.training.objective.PenaltyInput;
import dev.lookalike.training.objective.RandomViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link ConvAutoencoder} as a denoising autoencoder: mini-batch Adam on the mean squared
 * error between the clean image and the reconstruction of its corrupted copy, plus the penalties of
 * its {@link DaeObjective}; batches may be enlarged with VAE variants.
 *
 * <p>A seeded share of the images is held out; their reconstruction error (clean input) is reported
 * per epoch so over-fitting to the collection shows up.
 */
public final class AutoencoderTrainer {

  private static final int EVAL_BATCH = 512;

  private final ImageSpec spec;
  private final ConvAutoencoder architecture;
  private final TrainingOptions options;
  private final DaeObjective objective;
  private final Consumer<EpochStats> listener;

  public AutoencoderTrainer(
      ImageSpec spec,
      ConvAutoencoder architecture,
      TrainingOptions options,
      DaeObjective objective,
      Consumer<EpochStats> listener) {
    this.spec = spec;
    this.architecture = architecture;
    this.options = options;
    this.objective = objective;
    this.listener = listener;
  }

  /** Trains on {@code images}, which must all match the input spec. */
  public TrainedAutoencoder<EpochStats> train(List<FloatImage> images) {
    Batches.checkShapes(spec, images);
    Random random = new Random(options.seed());
    Split split = Split.of(images.size(), options.validationFraction(), random);
    int[] validationIds = split.validation();
    int[] trainIds = split.train();
    int validation = validationIds.length;
    int train = trainIds.length;

    VaeModel vae = openVae();
    Model model = Trainers.newModel("lookalike-dae", architecture.block(), options.seed());
    var config = Trainers.adam(Loss.l2Loss("mse", 1f), options.learningRate(), model);
    List<EpochStats> history = new ArrayList<>();
    boolean done = false;
    try (Trainer trainer = model.newTrainer(config);
        vae) {
      Augmenter augmenter = vae == null ? null : new Augmenter(vae);
      var views =
          new RandomViews(
              objective.viewShift(), objective.viewZoom(), objective.viewFlip(), random);
      Step step = new Step(trainer, views, augmenter, random);
      trainer.initialize(new Shape(options.batchSize(), spec.channels(), spec.size(), spec.size()));
      for (int epoch = 1; epoch <= options.epochs(); epoch++) {
        long start = System.nanoTime();
        Split.shuffle(trainIds, random);
        double[] trainLoss = trainEpoch(step, images, trainIds);
        double seconds = (System.nanoTime() - start) / 1e9;
        double validationLoss =
            validation == 0 ? Double.NaN : validationLoss(trainer, images, validationIds);
        EpochStats stats =
            new EpochStats(
                epoch,
                trainLoss[0],
                trainLoss[1],
                validationLoss,
                seconds,
                trainIds.length / seconds);
        history.add(stats);
        listener.accept(stats);
      }
      done = true;
    } finally {
      if (!done) {
        model.close();
      }
    }
    return new TrainedAutoencoder<>(model, history, train, validation);
  }

  /**
   * The VAE whose variants are mixed into the batches, checked against the input shape; null for
   * none.
   */
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

  /** Mean reconstruction error and mean penalty over the epoch's real images. */
  private double[] trainEpoch(Step step, List<FloatImage> images, int[] ids) {
    double reconstructionSum = 0;
    double penaltySum = 0;
    for (int from = 0; from < ids.length; from += options.batchSize()) {
      int to = Math.min(ids.length, from + options.batchSize());
      List<FloatImage> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(images.get(ids[i]));
      }
      float[] losses = step.run(batch);
      reconstructionSum += losses[0] * (to - from);
      penaltySum += losses[1] * (to - from);
    }
    return new double[] {reconstructionSum / ids.length, penaltySum / ids.length};
  }

  /** One optimiser step: corrupt, encode, decode, add the penalties, back-propagate. */
  private final class Step {
    private final Trainer trainer;
    private final Block encoder;
    private final Block decoder;
    private final RandomViews views;
    private final Augmenter augmenter;
    private final Random random;

    Step(Trainer trainer, RandomViews views, Augmenter augmenter, Random random) {
      this.trainer = trainer;
      this.encoder = ConvAutoencoder.encoderOf(trainer.getModel().getBlock());
      this.decoder = ConvAutoencoder.decoderOf(trainer.getModel().getBlock());
      this.views = views;
      this.augmenter = augmenter;
      this.random = random;
    }

    /** Returns {reconstruction error, penalty} of the batch. */
    float[] run(List<FloatImage> images) {
      List<FloatImage> batch = augmenter == null ? images : withVariants(images);
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDArray clean = Batches.stack(scope, spec, batch, 0, batch.size());
        NDArray noisy = options.corruption().apply(clean);
        ParameterStore parameters = new ParameterStore(scope, false);
        float[] losses = new float[2];
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDArray code = encoder.forward(parameters, new NDList(noisy), true).singletonOrThrow();
          NDArray reconstruction =
              decoder.forward(parameters, new NDList(code), true).singletonOrThrow();
          NDArray loss = reconstruction.sub(clean).square().mean();
          losses[0] = loss.getFloat();
          if (!objective.penalties().isEmpty()) {
            PenaltyInput input =
                new PenaltyInput(
                    parameters, encoder, clean, noisy, code, options.corruption(), views);
            NDArray penalty = null;
            for (Penalty term : objective.penalties()) {
              NDArray value = term.loss(input);
              penalty = penalty == null ? value : penalty.add(value);
            }
            losses[1] = penalty.getFloat();
            loss = loss.add(penalty);
          }
          collector.backward(loss);
        }
        trainer.step();
        return losses;
      }
    }

    /** The batch plus VAE variants of round(ratio·n) of its images, drawn at random. */
    private List<FloatImage> withVariants(List<FloatImage> images) {
      int extra = Math.round(objective.mixing().ratio() * images.size());
      List<FloatImage> sources = new ArrayList<>(extra);
      for (int i = 0; i < extra; i++) {
        sources.add(images.get(random.nextInt(images.size())));
      }
      List<FloatImage> batch = new ArrayList<>(images);
      if (!sources.isEmpty()) {
        batch.addAll(augmenter.variants(sources, objective.mixing().temperature(), random));
      }
      return batch;
    }
  }

  private double validationLoss(Trainer trainer, List<FloatImage> images, int[] ids) {
    double sum = 0;
    for (int from = 0; from < ids.length; from += EVAL_BATCH) {
      int to = Math.min(ids.length, from + EVAL_BATCH);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray clean = Batches.stack(batch, spec, images, ids, from, to);
        NDArray reconstruction = trainer.evaluate(new NDList(clean)).singletonOrThrow();
        sum += reconstruction.sub(clean).square().mean().getFloat() * (to - from);
      }
    }
    return sum / ids.length;
  }
}
