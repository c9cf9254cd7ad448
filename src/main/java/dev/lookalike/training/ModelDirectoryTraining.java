package dev.lookalike.training;

import dev.lookalike.encoder.ModelFiles;
import dev.lookalike.image.FloatImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes a model directory from images: checks the request, trains, records how in a {@link
 * TrainingReport} and writes weights and {@code model.json}. Subclasses supply the trainer and the
 * manifest of their architecture.
 *
 * @param <Q> the request
 * @param <E> the per-epoch record of the trainer
 * @param <M> the manifest written to {@code model.json}
 */
public abstract class ModelDirectoryTraining<
    Q extends TrainingRequest, E extends EpochTiming, M extends Record> {

  /** Refuses requests that would fail only after training; nothing by default. */
  protected void check(Q request) {}

  protected abstract NetworkTrainer<E> trainer(Q request, Consumer<? super E> listener);

  /**
   * The manifest of the trained network. Get {@code report} after any work that should count in the
   * recorded training time.
   */
  protected abstract M manifest(
      Q request,
      TrainedNetwork<E> trained,
      List<FloatImage> images,
      Supplier<TrainingReport<E>> report);

  /** Trains, writes {@code out} and returns what was written with the held-out ids. */
  public final TrainingResult<M> train(
      Q request, List<FloatImage> images, Path out, Consumer<? super E> listener)
      throws IOException {
    check(request);
    long start = System.nanoTime();
    try (TrainedNetwork<E> trained = trainer(request, listener).train(images)) {
      TrainingOptions options = request.trainingOptions();
      Supplier<TrainingReport<E>> report =
          () ->
              new TrainingReport<>(
                  request.data(),
                  request.input().reason(),
                  trained.trainImages(),
                  trained.validationIds().length,
                  options.epochs(),
                  options.batchSize(),
                  options.learningRate(),
                  options.schedule().id(),
                  options.seed(),
                  options.corruption().spec(),
                  options.device().toString(),
                  trained.history(),
                  (System.nanoTime() - start) / 1e9);
      M manifest = manifest(request, trained, images, report);
      ModelFiles.write(out, trained.block(), manifest);
      return new TrainingResult<>(manifest, trained.validationIds());
    }
  }
}
