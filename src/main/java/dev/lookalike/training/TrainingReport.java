package dev.lookalike.training;

import java.util.List;

/**
 * How a model was trained: recorded in its {@code model.json} so results can be traced and
 * reproduced.
 *
 * @param <E> the per-epoch record, which differs between the autoencoder and the VAE
 */
public record TrainingReport<E extends EpochTiming>(
    String data,
    String input,
    int trainImages,
    int validationImages,
    int epochs,
    int batchSize,
    float learningRate,
    String schedule,
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

  /**
   * The ids of the images this training held out for validation, out of the {@code datasetSize}
   * images it was given: the trainer's seeded split, drawn again. Lets a model be evaluated on
   * images it never saw without touching the test set.
   *
   * @throws IllegalStateException when the model was not trained on exactly that many images
   */
  public int[] validationIds(int datasetSize) {
    if (trainImages + validationImages != datasetSize) {
      throw new IllegalStateException(
          "the model was trained on "
              + (trainImages + validationImages)
              + " images, not on the "
              + datasetSize
              + " of this dataset, so its validation split is unknown");
    }
    if (validationImages == 0) {
      throw new IllegalStateException(
          "the model held out no images for validation (train --validation 0)");
    }
    return Split.of(
            datasetSize, validationImages / (double) datasetSize, RunRandom.of(seed).order())
        .validation();
  }
}
