package dev.lookalike.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link ConvAutoencoder} as a denoising autoencoder: mini-batch Adam on the mean squared
 * error between the clean image and the reconstruction of its corrupted copy.
 *
 * <p>A seeded share of the images is held out; their reconstruction error (clean input) is
 * reported per epoch so over-fitting to the collection shows up.
 */
public final class AutoencoderTrainer {

  private static final int EVAL_BATCH = 512;

  private final ImageSpec spec;
  private final ConvAutoencoder architecture;
  private final TrainingOptions options;
  private final Consumer<EpochStats> listener;

  public AutoencoderTrainer(
      ImageSpec spec, ConvAutoencoder architecture, TrainingOptions options, Consumer<EpochStats> listener) {
    this.spec = spec;
    this.architecture = architecture;
    this.options = options;
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

    Model model = Trainers.newModel("lookalike-dae", architecture.block(), options.seed());
    var config = Trainers.adam(Loss.l2Loss("mse", 1f), options.learningRate(), model);
    List<EpochStats> history = new ArrayList<>();
    boolean done = false;
    try (Trainer trainer = model.newTrainer(config)) {
      trainer.initialize(new Shape(options.batchSize(), spec.channels(), spec.size(), spec.size()));
      for (int epoch = 1; epoch <= options.epochs(); epoch++) {
        long start = System.nanoTime();
        Split.shuffle(trainIds, random);
        double trainLoss = trainEpoch(trainer, images, trainIds);
        double seconds = (System.nanoTime() - start) / 1e9;
        double validationLoss = validation == 0 ? Double.NaN : validationLoss(trainer, images, validationIds);
        EpochStats stats = new EpochStats(epoch, trainLoss, validationLoss, seconds, trainIds.length / seconds);
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

  private double trainEpoch(Trainer trainer, List<FloatImage> images, int[] ids) {
    double lossSum = 0;
    for (int from = 0; from < ids.length; from += options.batchSize()) {
      int to = Math.min(ids.length, from + options.batchSize());
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray clean = Batches.stack(batch, spec, images, ids, from, to);
        NDArray noisy = options.corruption().apply(clean);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList reconstruction = trainer.forward(new NDList(noisy));
          NDArray loss = trainer.getLoss().evaluate(new NDList(clean), reconstruction);
          collector.backward(loss);
          lossSum += loss.getFloat() * (to - from);
        }
        trainer.step();
      }
    }
    return lossSum / ids.length;
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
