package dev.lookalike.training;

import dev.lookalike.codes.Binarizer;
import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.encoder.Devices;
import dev.lookalike.encoder.LatentEncoder;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.training.objective.DaeObjective;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Makes a model directory from images: trains the denoising autoencoder, learns the binarizer on
 * the latents of (a sample of) the training images, and writes weights and {@code model.json}.
 */
public final class ModelTraining {

  /** Latents of at most this many images are used to learn the binarizer; more changes nothing. */
  private static final int BINARIZER_SAMPLE = 20_000;

  /**
   * What to train.
   *
   * @param data name of the training data, recorded in model.json
   * @param command the command line, recorded in model.json
   */
  public record Request(
      String data,
      ImageSpec spec,
      int latent,
      int filters,
      boolean batchNorm,
      CodeLayer codeLayer,
      int bits,
      BinarizerMethod binarizer,
      TrainingOptions options,
      DaeObjective objective,
      String command) {

    /** A plain denoising autoencoder with a linear code layer. */
    public Request(
        String data,
        ImageSpec spec,
        int latent,
        int filters,
        int bits,
        BinarizerMethod binarizer,
        TrainingOptions options,
        String command) {
      this(
          data,
          spec,
          latent,
          filters,
          false,
          CodeLayer.LINEAR,
          bits,
          binarizer,
          options,
          DaeObjective.RECONSTRUCTION,
          command);
    }
  }

  private ModelTraining() {}

  public static ModelManifest train(
      Request request, List<FloatImage> images, Path out, Consumer<EpochStats> listener)
      throws IOException {
    if (request.bits() < 8 || request.bits() > 1024 || request.bits() % 8 != 0) {
      throw new IllegalArgumentException(
          "bits must be a multiple of 8 in [8, 1024], got: " + request.bits());
    }
    if (request.binarizer() == BinarizerMethod.UNITS && request.bits() != request.latent()) {
      // checked before training: the units binarizer makes one bit per code unit
      throw new IllegalArgumentException(
          "--binarizer units needs --bits equal to --latent ("
              + request.latent()
              + "), got "
              + request.bits());
    }
    ConvAutoencoder network =
        ConvAutoencoder.builder()
            .setInput(request.spec())
            .setLatent(request.latent())
            .optFilters(request.filters())
            .optBatchNorm(request.batchNorm())
            .optCodeLayer(request.codeLayer())
            .build();
    long start = System.nanoTime();
    AutoencoderTrainer trainer =
        new AutoencoderTrainer(
            request.spec(), network, request.options(), request.objective(), listener);
    try (TrainedAutoencoder<EpochStats> trained = trainer.train(images)) {
      LatentEncoder encoder =
          new LatentEncoder(
              ConvAutoencoder.encoderOf(trained.block()),
              trained.model().getNDManager(),
              request.spec(),
              256);
      // Bits are learned on the unit-length latents, which is what Coder binarizes.
      float[][] latents = Coder.unit(encoder.encode(sample(images, request.options().seed())));
      Binarizer binarizer =
          Binarizer.fit(latents, request.bits(), request.binarizer(), request.options().seed());
      TrainingReport<EpochStats> report =
          new TrainingReport<>(
              request.data(),
              trained.trainImages(),
              trained.validationImages(),
              request.options().epochs(),
              request.options().batchSize(),
              request.options().learningRate(),
              request.options().seed(),
              request.options().corruption().spec(),
              Devices.preferred().toString(),
              trained.history(),
              (System.nanoTime() - start) / 1e9);
      ModelManifest manifest =
          new ModelManifest(
              ModelManifest.FORMAT,
              ModelManifest.CONV_DAE,
              request.spec().size(),
              request.spec().channels(),
              request.latent(),
              request.filters(),
              request.batchNorm(),
              request.codeLayer().spec(),
              request.bits(),
              request.options().corruption().spec(),
              request.objective().spec(),
              binarizer,
              report,
              request.command(),
              Instant.now().toString());
      ModelFiles.write(out, trained.block(), manifest);
      return manifest;
    }
  }

  private static List<FloatImage> sample(List<FloatImage> images, long seed) {
    if (images.size() <= BINARIZER_SAMPLE) {
      return images;
    }
    List<FloatImage> copy = new ArrayList<>(images);
    java.util.Collections.shuffle(copy, new Random(seed));
    return copy.subList(0, BINARIZER_SAMPLE);
  }
}
