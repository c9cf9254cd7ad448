package dev.lookalike.cli;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.config.DatasetConfig;
import dev.lookalike.dataset.DataSource;
import dev.lookalike.encoder.DeviceChoice;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.training.LearningRateSchedule;
import dev.lookalike.training.TrainPlan;
import dev.lookalike.training.TrainingService;
import dev.lookalike.training.Variant;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a denoising autoencoder on a folder of images or Fashion-MNIST and writes a model
 * directory.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a convolutional denoising autoencoder and write a model directory.")
@Dependent
@Unremovable
public class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject DatasetConfig dataset;

  @Option(
      names = "--data",
      required = true,
      description = "A folder of images, or fashion-mnist:train.")
  String data;

  @Option(
      names = "--data-dir",
      description =
          "Directory of the IDX files for fashion-mnist:train "
              + "(default: lookalike.dataset.fashion-mnist-dir).")
  Path dataDir;

  @Option(names = "--out", required = true, description = "Model directory to write.")
  Path out;

  @Option(
      names = "--epochs",
      description =
          "Passes over the images (default: from the data — enough for about 150,000 images seen,"
              + " 10 to 100; Fashion-MNIST 10).")
  Integer epochs;

  @Option(names = "--latent", defaultValue = "64", description = "Dense code size.")
  int latent;

  @Option(
      names = "--bits",
      defaultValue = "64",
      description = "Binary code size (multiple of 8; 32-256 typical).")
  int bits;

  @Option(
      names = "--noise",
      description =
          "Input corruption: gaussian:σ, saltpepper:p, masking:p or none "
              + "(default: saltpepper:0.1; VAE: none).")
  String noise;

  @Option(
      names = "--size",
      description =
          "Input side in pixels (multiple of 4; default: from the data — the median shorter "
              + "side, at most 32; Fashion-MNIST 28).")
  Integer size;

  @Option(
      names = "--channels",
      description =
          "1 (grey) or 3 (RGB) (default: from the data — 3 when 5 % of sampled images are in "
              + "colour).")
  Integer channels;

  @Option(
      names = "--filters",
      defaultValue = "32",
      description = "Filters of the first convolution.")
  int filters;

  @Option(
      names = "--depth",
      defaultValue = "2",
      description =
          "The encoder's convolutions, 2 to 6: the first two halve the image, each one more keeps"
              + " the last resolution and widens what a unit sees by 8 pixels (DAE only).")
  int depth;

  @Option(names = "--batch", defaultValue = "128")
  int batch;

  @Option(names = "--lr", defaultValue = "0.001", description = "Adam's first step size.")
  float learningRate;

  @Option(
      names = "--lr-schedule",
      defaultValue = LearningRateSchedule.DEFAULT_NAME,
      converter = EnumConverters.ScheduleConverter.class,
      description = "fixed, or cosine (down to zero at the last step). Default: ${DEFAULT-VALUE}.")
  LearningRateSchedule schedule;

  @Option(
      names = "--validation",
      defaultValue = "0.1",
      description = "Share of images held out for validation.")
  double validation;

  @Option(
      names = "--binarizer",
      defaultValue = "itq",
      converter = EnumConverters.BinarizerConverter.class,
      description = "itq, median or units (one bit per code unit).")
  BinarizerMethod binarizer;

  @Option(
      names = "--dense-code",
      defaultValue = DenseCode.DEFAULT_NAME,
      converter = EnumConverters.DenseCodeConverter.class,
      description =
          "whitened (the latent's principal axes divided by the square root of their standard"
              + " deviation), blended (that and a whitened PCA code of the pixels, equal weight,"
              + " on the pair's principal axes: better for ordinary queries, worse for edited"
              + " copies) or unit (the latent as it is); each then scaled to unit length."
              + " Default: ${DEFAULT-VALUE}.")
  DenseCode dense;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--max-images",
      description = "Train on at most this many images (a seeded sample).")
  Integer maxImages;

  @Option(
      names = "--variant",
      defaultValue = "dae",
      converter = EnumConverters.VariantConverter.class,
      description = "dae (the retrieval model) or vae (the generative model for augmentation).")
  Variant variant;

  @Option(
      names = "--device",
      defaultValue = "auto",
      converter = EnumConverters.DeviceConverter.class,
      description =
          "auto (a GPU when the engine sees one), cpu, or gpu (refused when none is visible).")
  DeviceChoice device;

  @Option(
      names = "--beta",
      defaultValue = "1.0",
      description = "VAE only: weight of the KL term (β-VAE when > 1).")
  float beta;

  @Option(
      names = "--anneal-epochs",
      defaultValue = "5",
      description = "VAE only: epochs over which the KL weight rises from 0 to β (0 = none).")
  int annealEpochs;

  @Option(names = "--batchnorm", description = "Batch normalisation after the hidden convolutions.")
  boolean batchNorm;

  @Option(
      names = "--code-layer",
      defaultValue = "linear",
      description =
          "linear, or binary:σ — a sigmoid code layer with N(0,σ²) noise before it in training "
              + "(semantic hashing); use with --bits equal to --latent and --binarizer units.")
  String codeLayer;

  @Mixin ObjectiveArguments objective;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrainPlan plan =
        new TrainPlan(
            new DataSource(data),
            dataDir != null ? dataDir : dataset.fashionMnistDir(),
            this.out,
            variant,
            size,
            channels,
            latent,
            filters,
            depth,
            bits,
            binarizer,
            dense,
            batchNorm,
            CodeLayer.parse(codeLayer),
            epochs,
            batch,
            learningRate,
            schedule,
            validation,
            seed,
            noise,
            maxImages,
            objective.options(),
            beta,
            annealEpochs,
            device,
            commandLine());
    TrainingService service =
        new TrainingService(
            Lines.flushedTo(out), (file, reason) -> err.println("skipped " + file + ": " + reason));
    service.train(plan);
    return 0;
  }

  private String commandLine() {
    return "lookalike " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
