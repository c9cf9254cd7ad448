package dev.lookalike.model;

import java.util.List;

/**
 * How a model was trained: recorded in its {@code model.json} so results can be traced and
 * reproduced.
 *
 * @param <E> the per-epoch record, which differs between the autoencoder and the VAE
 */
public record TrainingReport<E extends EpochTiming>(
    String data,
    int trainImages,
    int validationImages,
    int epochs,
    int batchSize,
    float learningRate,
    long seed,
    String noise,
    String device,
    List<E> history,
    double seconds) {

  public TrainingReport {
    history = List.copyOf(history);
  }

  /** Images per second over all epochs. */
  public double imagesPerSecond() {
    double trainingSeconds = history.stream().mapToDouble(EpochTiming::seconds).sum();
    return trainingSeconds == 0 ? 0 : (double) trainImages * history.size() / trainingSeconds;
  }
}
