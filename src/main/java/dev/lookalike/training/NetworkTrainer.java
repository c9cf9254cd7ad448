package dev.lookalike.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lookalike.encoder.Batches;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.Noise;
import dev.lookalike.nn.SeededInitializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains one network with mini-batch Adam: the epochs, the batches, the seeded validation split,
 * the timing and the per-epoch report, with Model and Trainer held in try-with-resources.
 * Subclasses supply only the network, the loss of a batch and their per-epoch record.
 *
 * <p>A seeded share of the images is held out and evaluated after every epoch, so over-fitting
 * shows up. Every random draw comes from a {@link RunRandom} seeded by {@link
 * TrainingOptions#seed()}, never from the engine's global generator, so the same seed gives the
 * same weights. A non-finite training loss stops training with an error rather than writing a
 * broken model.
 *
 * @param <E> the per-epoch record
 */
public abstract class NetworkTrainer<E extends EpochTiming> {

  private static final int EVAL_BATCH = 512;

  protected final ImageSpec spec;
  protected final TrainingOptions options;
  private final Consumer<? super E> listener;

  protected NetworkTrainer(ImageSpec spec, TrainingOptions options, Consumer<? super E> listener) {
    this.spec = spec;
    this.options = options;
    this.listener = listener;
  }

  /**
   * The loss of one batch.
   *
   * @param objective the scalar to minimise, which gradients flow through
   * @param terms per-image means of the terms to report, e.g. {reconstruction, penalty}
   */
  protected record StepLoss(NDArray objective, double[] terms) {}

  /** One run's per-batch work; it may hold resources, closed when training ends. */
  protected interface Run<E> extends AutoCloseable {

    /**
     * The tensors a training step reads, made from a batch of clean images before gradients are
     * recorded, e.g. {@code (clean, corrupted)}.
     */
    NDList inputs(NDManager scope, List<FloatImage> batch);

    /** The loss of a step on {@link #inputs}, computed in training mode. */
    StepLoss loss(NDManager scope, NDList inputs, int epoch);

    /** Per-image means of the reported terms on a batch of held-out clean images. */
    double[] validate(NDManager scope, NDArray clean);

    /** How many terms {@link #validate} reports. */
    int validationTerms();

    /** The epoch's record; {@code validation} is all NaN without a validation split. */
    E stats(int epoch, double[] train, double[] validation, double seconds, double imagesPerSecond);

    @Override
    default void close() {}
  }

  /** The name of the DJL model. */
  protected abstract String name();

  /** A fresh network whose training-time randomness is drawn from {@code noise}. */
  protected abstract Block network(Noise noise);

  /** The loss DJL's training config carries (the steps compute their own). */
  protected abstract Loss configLoss();

  /**
   * Starts a run over {@code trainImages} training images: nothing may be drawn from {@code order}
   * or {@code noise} here.
   */
  protected abstract Run<E> start(Trainer trainer, Random order, Noise noise, int trainImages);

  /** Trains on {@code images}, which must all match the input spec. */
  public final TrainedNetwork<E> train(List<FloatImage> images) {
    Batches.checkShapes(spec, images);
    RunRandom random = RunRandom.of(options.seed());
    Split split = Split.of(images.size(), options.validationFraction(), random.order());
    Model model = Model.newInstance(name(), options.device());
    try {
      model.setBlock(network(random.noise()));
      List<E> history = new ArrayList<>();
      int updates = options.epochs() * Math.ceilDiv(split.train().length, options.batchSize());
      try (Trainer trainer = model.newTrainer(config(model, random.weights(), updates));
          Run<E> run = start(trainer, random.order(), random.noise(), split.train().length)) {
        trainer.initialize(
            new Shape(options.batchSize(), spec.channels(), spec.size(), spec.size()));
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
          long start = System.nanoTime();
          Split.shuffle(split.train(), random.order());
          double[] train = trainEpoch(trainer, run, images, split.train(), epoch);
          double seconds = (System.nanoTime() - start) / 1e9;
          checkFinite(epoch, train);
          double[] validation = validate(trainer, run, images, split.validation());
          E stats = run.stats(epoch, train, validation, seconds, split.train().length / seconds);
          history.add(stats);
          listener.accept(stats);
        }
      }
      return new TrainedNetwork<>(model, history, split.train().length, split.validation());
    } catch (RuntimeException | Error e) {
      model.close();
      throw e;
    }
  }

  private DefaultTrainingConfig config(Model model, Noise weights, int updates) {
    Tracker rate = options.schedule().tracker(options.learningRate(), updates);
    return new DefaultTrainingConfig(configLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build())
        .optDevices(new Device[] {model.getNDManager().getDevice()})
        .optInitializer(new SeededInitializer(weights), Parameter.Type.WEIGHT);
  }

  /** Per-image means of the terms over the epoch's images. */
  private double[] trainEpoch(
      Trainer trainer, Run<E> run, List<FloatImage> images, int[] ids, int epoch) {
    double[] sums = null;
    for (int from = 0; from < ids.length; from += options.batchSize()) {
      int to = Math.min(ids.length, from + options.batchSize());
      List<FloatImage> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(images.get(ids[i]));
      }
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDList inputs = run.inputs(scope, batch);
        double[] terms;
        try (GradientCollector collector = trainer.newGradientCollector()) {
          StepLoss loss = run.loss(scope, inputs, epoch);
          collector.backward(loss.objective());
          terms = loss.terms();
        }
        trainer.step();
        sums = accumulate(sums, terms, to - from);
      }
    }
    return divide(sums, ids.length);
  }

  private double[] validate(Trainer trainer, Run<E> run, List<FloatImage> images, int[] ids) {
    if (ids.length == 0) {
      double[] none = new double[run.validationTerms()];
      Arrays.fill(none, Double.NaN);
      return none;
    }
    double[] sums = null;
    for (int from = 0; from < ids.length; from += EVAL_BATCH) {
      int to = Math.min(ids.length, from + EVAL_BATCH);
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDArray clean = Batches.stack(scope, spec, images, ids, from, to);
        sums = accumulate(sums, run.validate(scope, clean), to - from);
      }
    }
    return divide(sums, ids.length);
  }

  private void checkFinite(int epoch, double[] train) {
    for (double term : train) {
      if (!Double.isFinite(term)) {
        throw new IllegalStateException(
            name()
                + " training diverged in epoch "
                + epoch
                + " (losses "
                + Arrays.toString(train)
                + "); try a lower learning rate than "
                + options.learningRate());
      }
    }
  }

  private static double[] accumulate(double[] sums, double[] means, int count) {
    double[] out = sums == null ? new double[means.length] : sums;
    for (int i = 0; i < means.length; i++) {
      out[i] += means[i] * count;
    }
    return out;
  }

  private static double[] divide(double[] sums, int count) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= count;
    }
    return sums;
  }
}
