package dev.lookalike.training;

import dev.lookalike.encoder.DeviceChoice;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.encoder.VaeManifest;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.training.objective.Corruption;
import dev.lookalike.training.objective.DaeObjective;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Carries out a {@link TrainPlan}: parses the objective, loads the images (a seeded sample when
 * asked), trains the variant and writes the model directory, reporting progress as lines.
 *
 * <p>Everything that can be refused is checked before the images are loaded.
 */
public final class TrainingService {

  private final Consumer<String> log;
  private final BiConsumer<Path, String> skipped;

  /**
   * @param log progress lines: what is trained, one per epoch, what was written
   * @param skipped image files that could not be decoded, with the reason
   */
  public TrainingService(Consumer<String> log, BiConsumer<Path, String> skipped) {
    this.log = log;
    this.skipped = skipped;
  }

  public TrainingResult<? extends Record> train(TrainPlan plan) throws IOException {
    TrainingOptions options =
        new TrainingOptions(
            plan.epochs() != null ? plan.epochs() : TrainPlan.MIN_EPOCHS,
            plan.batchSize(),
            plan.learningRate(),
            plan.schedule(),
            plan.validation(),
            plan.seed(),
            Corruption.parse(plan.corruption()),
            (plan.device() == null ? DeviceChoice.AUTO : plan.device()).resolve());
    return switch (plan.variant()) {
      case DAE -> trainDae(plan, options);
      case VAE -> trainVae(plan, options);
    };
  }

  private TrainingResult<ModelManifest> trainDae(TrainPlan plan, TrainingOptions checked)
      throws IOException {
    DaeObjective objective = plan.objective().objective();
    InputChoice input = InputChoice.of(plan.data(), plan.size(), plan.channels());
    List<FloatImage> images = images(plan, input.spec());
    TrainingOptions options = epochs(plan, checked, images.size());
    var request =
        new ModelTraining.Request(
            plan.data().text(),
            input,
            plan.latent(),
            plan.filters(),
            plan.depth(),
            plan.batchNorm(),
            plan.codeLayer(),
            plan.bits(),
            plan.binarizer(),
            plan.dense(),
            options,
            objective,
            plan.command());
    log.accept(
        String.format(
            Locale.ROOT,
            "training on %d images of %s (%s) for %d epochs, depth %d, latent %d, %d bits, noise %s,"
                + " code layer %s,"
                + " loss %s, on %s",
            images.size(),
            plan.data(),
            dimensions(input),
            options.epochs(),
            plan.depth(),
            plan.latent(),
            plan.bits(),
            options.corruption().spec(),
            plan.codeLayer().spec(),
            objective.spec(),
            options.device()));
    TrainingResult<ModelManifest> result =
        new ModelTraining().train(request, images, plan.out(), stats -> log.accept(line(stats)));
    TrainingReport<?> report = result.manifest().training();
    log.accept(
        String.format(
            Locale.ROOT,
            "wrote %s (%.1f s, %.0f img/s on %s, binarizer %s)",
            plan.out(),
            report.seconds(),
            report.imagesPerSecond(),
            report.device(),
            result.manifest().binarizer().method()));
    return result;
  }

  private TrainingResult<VaeManifest> trainVae(TrainPlan plan, TrainingOptions checked)
      throws IOException {
    new VaeOptions(checked, plan.beta(), plan.annealEpochs()); // refuses a bad β before loading
    InputChoice input = InputChoice.of(plan.data(), plan.size(), plan.channels());
    List<FloatImage> images = images(plan, input.spec());
    TrainingOptions options = epochs(plan, checked, images.size());
    var request =
        new VaeTraining.Request(
            plan.data().text(),
            input,
            plan.latent(),
            plan.filters(),
            new VaeOptions(options, plan.beta(), plan.annealEpochs()),
            plan.command());
    log.accept(
        String.format(
            Locale.ROOT,
            "training a VAE (β = %s) on %d images of %s (%s), latent %d",
            plan.beta(),
            images.size(),
            plan.data(),
            dimensions(input),
            plan.latent()));
    TrainingResult<VaeManifest> result =
        new VaeTraining().train(request, images, plan.out(), stats -> log.accept(line(stats)));
    TrainingReport<?> report = result.manifest().training();
    log.accept(
        String.format(
            Locale.ROOT, "wrote %s (%.1f s on %s)", plan.out(), report.seconds(), report.device()));
    return result;
  }

  /** The options with the epochs asked for, or those {@link TrainPlan#epochsFor} the images. */
  private static TrainingOptions epochs(TrainPlan plan, TrainingOptions options, int images) {
    return plan.epochs() != null ? options : options.withEpochs(TrainPlan.epochsFor(images));
  }

  /** The images, a seeded sample of {@code maxImages} of them when asked; never empty. */
  private List<FloatImage> images(TrainPlan plan, ImageSpec spec) {
    List<FloatImage> images =
        TrainingImages.load(plan.data(), plan.fashionMnistDir(), spec, skipped);
    if (plan.maxImages() != null) {
      images = SeededSampling.sample(images, plan.maxImages(), plan.seed());
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no trainable images in " + plan.data());
    }
    return images;
  }

  private static String dimensions(InputChoice input) {
    ImageSpec spec = input.spec();
    return spec.size() + "x" + spec.size() + "x" + spec.channels() + ": " + input.reason();
  }

  static String line(EpochStats stats) {
    return String.format(
        Locale.ROOT,
        "epoch %3d  train loss %.5f  penalty %.5f  validation loss %.5f  %.1f s  %.0f img/s",
        stats.epoch(),
        stats.trainLoss(),
        stats.trainPenalty(),
        stats.validationLoss(),
        stats.seconds(),
        stats.imagesPerSecond());
  }

  static String line(VaeEpochStats stats) {
    return String.format(
        Locale.ROOT,
        "epoch %3d  KL weight %.2f  train recon %.3f KL %.3f  validation recon %.3f KL %.3f ELBO %.3f"
            + "  %.1f s  %.0f img/s",
        stats.epoch(),
        stats.klWeight(),
        stats.trainReconstruction(),
        stats.trainKl(),
        stats.validationReconstruction(),
        stats.validationKl(),
        stats.validationElbo(),
        stats.seconds(),
        stats.imagesPerSecond());
  }
}
