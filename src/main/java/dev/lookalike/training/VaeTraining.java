package dev.lookalike.training;

import dev.lookalike.encoder.Devices;
import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.encoder.VaeManifest;
import dev.lookalike.image.FloatImage;
import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvVae;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a VAE model directory from images: trains the {@link ConvVae} and writes weights and {@code
 * model.json} ({@link VaeManifest}).
 */
public final class VaeTraining {

  /**
   * What to train.
   *
   * @param data name of the training data, recorded in model.json
   * @param command the command line, recorded in model.json
   */
  public record Request(
      String data, ImageSpec spec, int latent, int filters, VaeOptions options, String command) {}

  private VaeTraining() {}

  /** Trains, writes {@code out} and returns what was written to its {@code model.json}. */
  public static VaeManifest train(
      Request request, List<FloatImage> images, Path out, Consumer<VaeEpochStats> listener)
      throws IOException {
    ConvVae network = new ConvVae(request.spec(), request.latent(), request.filters());
    TrainingOptions common = request.options().training();
    long start = System.nanoTime();
    VaeTrainer trainer = new VaeTrainer(network, request.options(), listener);
    try (TrainedAutoencoder<VaeEpochStats> trained = trainer.train(images)) {
      TrainingReport<VaeEpochStats> report =
          new TrainingReport<>(
              request.data(),
              trained.trainImages(),
              trained.validationImages(),
              common.epochs(),
              common.batchSize(),
              common.learningRate(),
              common.seed(),
              common.corruption().spec(),
              Devices.preferred().toString(),
              trained.history(),
              (System.nanoTime() - start) / 1e9);
      VaeManifest manifest =
          new VaeManifest(
              VaeManifest.FORMAT,
              VaeManifest.CONV_VAE,
              request.spec().size(),
              request.spec().channels(),
              request.latent(),
              request.filters(),
              request.options().beta(),
              request.options().annealEpochs(),
              report,
              request.command(),
              Instant.now().toString());
      ModelFiles.write(out, trained.block(), manifest);
      return manifest;
    }
  }
}
