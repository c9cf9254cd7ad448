package dev.lookalike.training;

import dev.lookalike.encoder.VaeManifest;
import dev.lookalike.image.FloatImage;
import dev.lookalike.nn.ConvVae;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes a VAE model directory from images: trains the {@link ConvVae} and writes weights and {@code
 * model.json} ({@link VaeManifest}).
 */
public final class VaeTraining
    extends ModelDirectoryTraining<VaeTraining.Request, VaeEpochStats, VaeManifest> {

  /**
   * What to train.
   *
   * @param data name of the training data, recorded in model.json
   * @param command the command line, recorded in model.json
   */
  public record Request(
      String data, InputChoice input, int latent, int filters, VaeOptions options, String command)
      implements TrainingRequest {

    @Override
    public TrainingOptions trainingOptions() {
      return options.training();
    }
  }

  @Override
  protected NetworkTrainer<VaeEpochStats> trainer(
      Request request, Consumer<? super VaeEpochStats> listener) {
    return new VaeTrainer(
        request.spec(), request.latent(), request.filters(), request.options(), listener);
  }

  @Override
  protected VaeManifest manifest(
      Request request,
      TrainedNetwork<VaeEpochStats> trained,
      List<FloatImage> images,
      Supplier<TrainingReport<VaeEpochStats>> report) {
    return new VaeManifest(
        VaeManifest.FORMAT,
        VaeManifest.CONV_VAE,
        request.spec().size(),
        request.spec().channels(),
        request.latent(),
        request.filters(),
        request.options().beta(),
        request.options().annealEpochs(),
        report.get(),
        request.command(),
        Instant.now().toString());
  }
}
