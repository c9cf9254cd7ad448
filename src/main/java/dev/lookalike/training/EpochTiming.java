package dev.lookalike.training;

/**
 * What every per-epoch training record tells, whatever the loss: which epoch and how fast it ran.
 *
 * <p>Lets one {@link TrainingReport} and one {@link TrainedAutoencoder} serve both the denoising
 * autoencoder ({@link EpochStats}) and the VAE ({@link VaeEpochStats}).
 */
public interface EpochTiming {

  /** The epoch, from 1. */
  int epoch();

  /** Wall-clock seconds of the epoch's training pass. */
  double seconds();

  /** Training images per second in that pass. */
  double imagesPerSecond();
}
