package dev.lookalike.cli;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.collection.ImageFiles;
import dev.lookalike.config.DatasetConfig;
import dev.lookalike.dataset.FashionMnist;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.encoder.VaeManifest;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.image.InvalidImageException;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.training.ModelTraining;
import dev.lookalike.training.TrainingOptions;
import dev.lookalike.training.VaeOptions;
import dev.lookalike.training.VaeTraining;
import dev.lookalike.training.VariantMixing;
import dev.lookalike.training.objective.Corruption;
import dev.lookalike.training.objective.DaeObjective;
import dev.lookalike.training.objective.Penalty;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--epochs", defaultValue = "10")
  int epochs;

  @Option(names = "--latent", defaultValue = "64", description = "Dense code size.")
  int latent;

  @Option(
      names = "--bits",
      defaultValue = "64",
      description = "Binary code size (multiple of 8; 32-256 typical).")
  int bits;

  @Option(
      names = "--noise",
      defaultValue = "gaussian:0.3",
      description =
          "Input corruption: gaussian:σ, saltpepper:p, masking:p or none (VAE default: none).")
  String noise;

  @Option(
      names = "--size",
      defaultValue = "28",
      description = "Input side in pixels (multiple of 4).")
  int size;

  @Option(names = "--channels", defaultValue = "1", description = "1 (grey) or 3 (RGB).")
  int channels;

  @Option(
      names = "--filters",
      defaultValue = "32",
      description = "Filters of the first convolution.")
  int filters;

  @Option(names = "--batch", defaultValue = "128")
  int batch;

  @Option(names = "--lr", defaultValue = "0.001")
  float learningRate;

  @Option(
      names = "--validation",
      defaultValue = "0.1",
      description = "Share of images held out for validation.")
  double validation;

  @Option(
      names = "--binarizer",
      defaultValue = "itq",
      description = "itq, median or units (one bit per code unit).")
  String binarizer;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--max-images",
      description = "Train on at most this many images (a seeded sample).")
  Integer maxImages;

  @Option(
      names = "--variant",
      defaultValue = "dae",
      description = "dae (the retrieval model) or vae (the generative model for augmentation).")
  String variant;

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

  @Option(
      names = "--bit-balance",
      defaultValue = "0",
      description =
          "Weight of the bit balance + decorrelation term of a binary code layer (0 = off).")
  float bitBalance;

  @Option(
      names = "--sparse",
      description = "Sparse autoencoder: l1:λ (L1 on the code) or kl:ρ:β (KL to activation ρ).")
  String sparse;

  @Option(
      names = "--contractive",
      defaultValue = "0",
      description =
          "Contractive autoencoder: weight λ of the encoder Jacobian's squared Frobenius norm (0 = off).")
  float contractive;

  @Option(
      names = "--invariance",
      defaultValue = "0",
      description =
          "Weight of the invariance term: an image and a shifted/flipped view get the same code (0 = off).")
  float invariance;

  @Option(
      names = "--contrastive",
      description =
          "λ[:τ]: contrastive (NT-Xent) invariance between an image and a shifted/flipped view, "
              + "the batch as negatives; τ defaults to 0.2.")
  String contrastive;

  @Option(
      names = "--view-shift",
      defaultValue = "2",
      description = "Most pixels a view is shifted by (invariance).")
  int viewShift;

  @Option(
      names = "--view-zoom",
      defaultValue = "0",
      description = "Views are zoomed by a random factor in [1 - z, 1 + z] (invariance).")
  float viewZoom;

  @Option(
      names = "--view-flip",
      defaultValue = "true",
      negatable = true,
      fallbackValue = "true",
      description = "Mirror views left-right at random (invariance).")
  boolean viewFlip;

  @Option(
      names = "--augment",
      description = "vae:<MODEL_DIR>:<ratio>: mix ratio·batch VAE variants into each batch.")
  String augment;

  @Option(
      names = "--augment-temperature",
      defaultValue = "1.0",
      description = "Temperature of the VAE variants of --augment (multiple of the posterior σ).")
  float augmentTemperature;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImageSpec imageSpec = new ImageSpec(size, channels);
    boolean vae = variant.equalsIgnoreCase("vae");
    // A VAE is regularised by its KL term; it is trained on clean images unless noise is asked for.
    String corruption =
        vae && !spec.commandLine().getParseResult().hasMatchedOption("--noise") ? "none" : noise;
    TrainingOptions options =
        new TrainingOptions(
            epochs, batch, learningRate, validation, seed, Corruption.parse(corruption));
    BinarizerMethod method = BinarizerMethod.parse(binarizer);
    List<FloatImage> images = load(imageSpec, err);
    if (maxImages != null && images.size() > maxImages) {
      List<FloatImage> shuffled = new ArrayList<>(images);
      java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
      images = shuffled.subList(0, maxImages);
    }
    if (images.isEmpty()) {
      err.println("error: no trainable images in " + data);
      return 1;
    }
    if (vae) {
      return trainVae(imageSpec, options, images, out);
    }
    if (!variant.equalsIgnoreCase("dae")) {
      throw new IllegalArgumentException("unknown variant '" + variant + "'; use dae or vae");
    }
    DaeObjective objective = objective();
    CodeLayer layer = CodeLayer.parse(codeLayer);
    out.printf(
        "training on %d images of %s (%dx%dx%d), latent %d, %d bits, noise %s, code layer %s, loss %s%n",
        images.size(),
        data,
        size,
        size,
        channels,
        latent,
        bits,
        options.corruption().spec(),
        layer.spec(),
        objective.spec());
    out.flush();
    var request =
        new ModelTraining.Request(
            data,
            imageSpec,
            latent,
            filters,
            batchNorm,
            layer,
            bits,
            method,
            options,
            objective,
            commandLine());
    ModelManifest manifest =
        ModelTraining.train(
            request,
            images,
            this.out,
            stats -> {
              out.printf(
                  "epoch %3d  train loss %.5f  penalty %.5f  validation loss %.5f  %.1f s  %.0f img/s%n",
                  stats.epoch(),
                  stats.trainLoss(),
                  stats.trainPenalty(),
                  stats.validationLoss(),
                  stats.seconds(),
                  stats.imagesPerSecond());
              out.flush();
            });
    out.printf(
        "wrote %s (%.1f s, %.0f img/s on %s, binarizer %s)%n",
        this.out,
        manifest.training().seconds(),
        manifest.training().imagesPerSecond(),
        manifest.training().device(),
        manifest.binarizer().method());
    return 0;
  }

  private DaeObjective objective() {
    if (contractive < 0 || invariance < 0 || bitBalance < 0) {
      throw new IllegalArgumentException(
          "--contractive, --invariance and --bit-balance must be >= 0 (0 = off)");
    }
    List<Penalty> penalties = new ArrayList<>();
    if (sparse != null) {
      penalties.add(Penalty.sparse(sparse));
    }
    if (contractive > 0) {
      penalties.add(Penalty.contractive(contractive));
    }
    if (invariance > 0) {
      penalties.add(Penalty.invariance(invariance));
    }
    if (contrastive != null) {
      penalties.add(Penalty.contrastive(contrastive));
    }
    if (bitBalance > 0) {
      penalties.add(Penalty.bitBalance(bitBalance));
    }
    VariantMixing mixing =
        augment == null ? null : VariantMixing.parse(augment, augmentTemperature);
    return new DaeObjective(penalties, viewShift, viewZoom, viewFlip, mixing);
  }

  private int trainVae(
      ImageSpec imageSpec, TrainingOptions options, List<FloatImage> images, PrintWriter out)
      throws IOException {
    out.printf(
        "training a VAE (β = %s) on %d images of %s (%dx%dx%d), latent %d%n",
        beta, images.size(), data, size, size, channels, latent);
    out.flush();
    var request =
        new VaeTraining.Request(
            data,
            imageSpec,
            latent,
            filters,
            new VaeOptions(options, beta, annealEpochs),
            commandLine());
    VaeManifest manifest =
        VaeTraining.train(
            request,
            images,
            this.out,
            stats -> {
              out.printf(
                  "epoch %3d  KL weight %.2f  train recon %.3f KL %.3f  validation recon %.3f KL %.3f ELBO %.3f"
                      + "  %.1f s  %.0f img/s%n",
                  stats.epoch(),
                  stats.klWeight(),
                  stats.trainReconstruction(),
                  stats.trainKl(),
                  stats.validationReconstruction(),
                  stats.validationKl(),
                  stats.validationElbo(),
                  stats.seconds(),
                  stats.imagesPerSecond());
              out.flush();
            });
    out.printf(
        "wrote %s (%.1f s on %s)%n",
        this.out, manifest.training().seconds(), manifest.training().device());
    return 0;
  }

  private List<FloatImage> load(ImageSpec imageSpec, PrintWriter err) throws IOException {
    DataSpec source = new DataSpec(data);
    ImagePipeline pipeline = new ImagePipeline(ImageLimits.defaults(), imageSpec, imageSpec.size());
    var split = source.fashionMnistSplit();
    if (split.isPresent()) {
      return FashionMnist.load(dataDir != null ? dataDir : dataset.fashionMnistDir(), split.get())
          .images()
          .stream()
          .map(pipeline::toInput)
          .toList();
    }
    List<Path> files = ImageFiles.find(List.of(source.path()));
    List<FloatImage> images = new ArrayList<>(files.size());
    for (Path file : files) {
      try {
        images.add(pipeline.toInput(Files.readAllBytes(file)));
      } catch (InvalidImageException | IOException e) {
        err.println("skipped " + file + ": " + e.getMessage());
      }
    }
    return images;
  }

  private String commandLine() {
    return "lookalike " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
