package dev.lookalike.training;

import ai.djl.Device;
import dev.lookalike.encoder.Devices;
import dev.lookalike.training.objective.Corruption;

/**
 * How to train the autoencoder.
 *
 * @param epochs passes over the training split
 * @param batchSize images per optimiser step
 * @param learningRate Adam's step size at the first step
 * @param schedule how the step size moves over the run
 * @param validationFraction share of the images held out to report validation loss
 * @param seed seeds shuffling, the split, the noise and the weight initialisation
 * @param corruption the denoising corruption applied to inputs
 */
public record TrainingOptions(
    int epochs,
    int batchSize,
    float learningRate,
    LearningRateSchedule schedule,
    double validationFraction,
    long seed,
    Corruption corruption,
    Device device) {

  /**
   * Options for the preferred device ({@link Devices#preferred}) and the default schedule ({@link
   * LearningRateSchedule#DEFAULT}).
   */
  public TrainingOptions(
      int epochs,
      int batchSize,
      float learningRate,
      double validationFraction,
      long seed,
      Corruption corruption) {
    this(
        epochs,
        batchSize,
        learningRate,
        LearningRateSchedule.DEFAULT,
        validationFraction,
        seed,
        corruption,
        null);
  }

  public TrainingOptions {
    device = device == null ? Devices.preferred() : device;
    if (epochs < 1 || epochs > 10_000) {
      throw new IllegalArgumentException("epochs must be in [1, 10000], got: " + epochs);
    }
    if (batchSize < 1 || batchSize > 65_536) {
      throw new IllegalArgumentException("batch size must be in [1, 65536], got: " + batchSize);
    }
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new IllegalArgumentException("learning rate must be in (0, 1), got: " + learningRate);
    }
    if (schedule == null) {
      throw new IllegalArgumentException("a learning-rate schedule is required");
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation fraction must be in [0, 1), got: " + validationFraction);
    }
    if (corruption == null) {
      throw new IllegalArgumentException(
          "corruption is required (use none for a plain autoencoder)");
    }
  }

  /** The same options for another number of epochs. */
  public TrainingOptions withEpochs(int epochs) {
    return new TrainingOptions(
        epochs, batchSize, learningRate, schedule, validationFraction, seed, corruption, device);
  }
}
