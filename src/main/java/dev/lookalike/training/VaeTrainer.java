package dev.lookalike.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.lookalike.encoder.Batches;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvVae;
import dev.lookalike.training.objective.VaeLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link ConvVae}: mini-batch Adam on the reconstruction error plus the KL term weighted
 * by β and the annealing factor of the epoch ({@link VaeLoss}).
 *
 * <p>A seeded share of the images is held out; its reconstruction, KL and ELBO estimate (with β =
 * 1, see {@link VaeEpochStats#validationElbo()}) are reported per epoch, so over-fitting and
 * posterior collapse (KL near 0) show up. A non-finite training loss stops training with an error
 * rather than writing a broken model.
 */
public final class VaeTrainer {

  private static final int EVAL_BATCH = 512;

  private final ConvVae network;
  private final VaeOptions options;
  private final Consumer<VaeEpochStats> listener;

  /** {@code network} must be fresh: training initialises its weights. */
  public VaeTrainer(ConvVae network, VaeOptions options, Consumer<VaeEpochStats> listener) {
    this.network = network;
    this.options = options;
    this.listener = listener;
  }

  /** Per-image means of the two loss terms over one pass. */
  private record Means(double reconstruction, double kl) {}

  /** Trains on {@code images}, which must all match the network's input spec. */
  public TrainedAutoencoder<VaeEpochStats> train(List<FloatImage> images) {
    ImageSpec spec = network.input();
    Batches.checkShapes(spec, images);
    TrainingOptions common = options.training();
    Random random = new Random(common.seed());
    Split split = Split.of(images.size(), common.validationFraction(), random);

    Model model = Trainers.newModel("lookalike-vae", network, common.seed());
    var config = Trainers.adam(new VaeLoss(options.beta()), common.learningRate(), model);
    List<VaeEpochStats> history = new ArrayList<>();
    boolean done = false;
    try (Trainer trainer = model.newTrainer(config)) {
      trainer.initialize(new Shape(common.batchSize(), spec.channels(), spec.size(), spec.size()));
      for (int epoch = 1; epoch <= common.epochs(); epoch++) {
        long start = System.nanoTime();
        Split.shuffle(split.train(), random);
        VaeLoss loss = new VaeLoss(options.klWeight(epoch));
        Means train = trainEpoch(trainer, loss, images, split.train());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!Double.isFinite(train.reconstruction() + train.kl())) {
          throw new IllegalStateException(
              "VAE training diverged in epoch "
                  + epoch
                  + " (reconstruction "
                  + train.reconstruction()
                  + ", KL "
                  + train.kl()
                  + "); try a lower learning rate than "
                  + common.learningRate());
        }
        Means validation =
            split.validation().length == 0
                ? new Means(Double.NaN, Double.NaN)
                : validate(trainer, images, split.validation());
        VaeEpochStats stats =
            new VaeEpochStats(
                epoch,
                loss.klWeight(),
                train.reconstruction(),
                train.kl(),
                validation.reconstruction(),
                validation.kl(),
                -(validation.reconstruction() + validation.kl()),
                seconds,
                split.train().length / seconds);
        history.add(stats);
        listener.accept(stats);
      }
      done = true;
    } finally {
      if (!done) {
        model.close();
      }
    }
    return new TrainedAutoencoder<>(
        model, history, split.train().length, split.validation().length);
  }

  private Means trainEpoch(Trainer trainer, VaeLoss loss, List<FloatImage> images, int[] ids) {
    ImageSpec spec = network.input();
    int batchSize = options.training().batchSize();
    double reconstruction = 0;
    double kl = 0;
    for (int from = 0; from < ids.length; from += batchSize) {
      int to = Math.min(ids.length, from + batchSize);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray clean = Batches.stack(batch, spec, images, ids, from, to);
        NDArray input = options.training().corruption().apply(clean);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          VaeLoss.Terms terms = VaeLoss.terms(clean, trainer.forward(new NDList(input)));
          collector.backward(loss.objective(terms));
          reconstruction += terms.reconstruction().sum().getFloat();
          kl += terms.divergence().sum().getFloat();
        }
        trainer.step();
      }
    }
    return new Means(reconstruction / ids.length, kl / ids.length);
  }

  /** Held-out terms with one z sample per image, as in training, so their sum estimates −ELBO. */
  private Means validate(Trainer trainer, List<FloatImage> images, int[] ids) {
    double reconstruction = 0;
    double kl = 0;
    for (int from = 0; from < ids.length; from += EVAL_BATCH) {
      int to = Math.min(ids.length, from + EVAL_BATCH);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray clean = Batches.stack(batch, network.input(), images, ids, from, to);
        VaeLoss.Terms terms = VaeLoss.terms(clean, trainer.forward(new NDList(clean)));
        reconstruction += terms.reconstruction().sum().getFloat();
        kl += terms.divergence().sum().getFloat();
      }
    }
    return new Means(reconstruction / ids.length, kl / ids.length);
  }
}
