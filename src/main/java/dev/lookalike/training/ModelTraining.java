package dev.lookalike.training;

import dev.lookalike.codes.BinarizerMethod;
import dev.lookalike.codes.Coder;
import dev.lookalike.codes.DenseCode;
import dev.lookalike.encoder.LatentEncoder;
import dev.lookalike.encoder.ModelManifest;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.linalg.SeededSampling;
import dev.lookalike.nn.CodeLayer;
import dev.lookalike.nn.ConvAutoencoder;
import dev.lookalike.training.objective.DaeObjective;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes a retrieval model directory from images: trains the denoising autoencoder, learns the
 * binarizer on the latents of (a sample of) the training images, and writes weights and {@code
 * model.json}.
 */
public final class ModelTraining
    extends ModelDirectoryTraining<ModelTraining.Request, EpochStats, ModelManifest> {

  /** Latents of at most this many images are used to fit the coder; more changes nothing. */
  static final int CODER_SAMPLE = 20_000;

  /**
   * What to train.
   *
   * @param data name of the training data, recorded in model.json
   * @param command the command line, recorded in model.json
   */
  public record Request(
      String data,
      InputChoice input,
      int latent,
      int filters,
      int depth,
      boolean batchNorm,
      CodeLayer codeLayer,
      int bits,
      BinarizerMethod binarizer,
      DenseCode dense,
      TrainingOptions options,
      DaeObjective objective,
      String command)
      implements TrainingRequest {

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
          InputChoice.given(spec),
          latent,
          filters,
          ConvAutoencoder.DEFAULT_DEPTH,
          false,
          CodeLayer.LINEAR,
          bits,
          binarizer,
          DenseCode.DEFAULT,
          options,
          DaeObjective.RECONSTRUCTION,
          command);
    }

    @Override
    public TrainingOptions trainingOptions() {
      return options;
    }
  }

  @Override
  protected void check(Request request) {
    if (request.bits() < 8 || request.bits() > 1024 || request.bits() % 8 != 0) {
      throw new IllegalArgumentException(
          "bits must be a multiple of 8 in [8, 1024], got: " + request.bits());
    }
    if (request.binarizer() == BinarizerMethod.UNITS && request.bits() != request.latent()) {
      // the units binarizer makes one bit per code unit
      throw new IllegalArgumentException(
          "--binarizer units needs --bits equal to --latent ("
              + request.latent()
              + "), got "
              + request.bits());
    }
  }

  @Override
  protected NetworkTrainer<EpochStats> trainer(
      Request request, Consumer<? super EpochStats> listener) {
    ConvAutoencoder.Builder network =
        ConvAutoencoder.builder()
            .setInput(request.spec())
            .setLatent(request.latent())
            .optFilters(request.filters())
            .optDepth(request.depth())
            .optBatchNorm(request.batchNorm())
            .optCodeLayer(request.codeLayer());
    network.build(); // refuse a bad architecture before loading anything
    return new DaeTrainer(
        request.spec(), network, request.options(), request.objective(), listener);
  }

  @Override
  protected ModelManifest manifest(
      Request request,
      TrainedNetwork<EpochStats> trained,
      List<FloatImage> images,
      Supplier<TrainingReport<EpochStats>> report) {
    LatentEncoder encoder =
        new LatentEncoder(
            ConvAutoencoder.encoderOf(trained.block()),
            trained.model().getNDManager(),
            request.spec(),
            256);
    long seed = request.options().seed();
    List<FloatImage> sample = SeededSampling.sample(images, CODER_SAMPLE, seed);
    Coder coder =
        Coder.fit(
            encoder.encode(sample),
            sample,
            request.dense(),
            request.bits(),
            request.binarizer(),
            seed);
    return new ModelManifest(
        ModelManifest.FORMAT,
        ModelManifest.CONV_DAE,
        request.spec().size(),
        request.spec().channels(),
        request.latent(),
        request.filters(),
        request.depth(),
        request.batchNorm(),
        request.codeLayer().spec(),
        request.bits(),
        request.options().corruption().spec(),
        request.objective().spec(),
        coder.binarizer(),
        coder.projection().orElse(null),
        coder.blend().orElse(null),
        report.get(),
        request.command(),
        Instant.now().toString());
  }
}
