package dev.lookalike.encoder;

import dev.lookalike.image.ImageSpec;
import dev.lookalike.nn.ConvVae;
import dev.lookalike.training.TrainingReport;
import dev.lookalike.training.VaeEpochStats;

/**
 * The {@code model.json} of a VAE model directory: everything needed to rebuild the network and
 * know how it was made. Same directory layout as the autoencoder ({@link ModelFiles}); the
 * architecture tells them apart, so neither loader opens the other's directory.
 *
 * @param format version of this file's layout
 * @param architecture the network family, {@code conv-vae}
 * @param latent latent units (each of μ and log σ²)
 * @param filters filters of the first convolution
 * @param beta the weight of the KL term in training (1: VAE, more: β-VAE)
 * @param annealEpochs epochs of linear KL annealing in training (0: none)
 * @param training how it was trained, with the per-epoch history
 * @param command the command that produced the model
 * @param created when, as an ISO-8601 instant
 */
public record VaeManifest(
    int format,
    String architecture,
    int size,
    int channels,
    int latent,
    int filters,
    float beta,
    int annealEpochs,
    TrainingReport<VaeEpochStats> training,
    String command,
    String created) {

  public static final int FORMAT = 1;
  public static final String CONV_VAE = "conv-vae";

  public VaeManifest {
    ModelFiles.checkLayout(format, FORMAT, architecture, CONV_VAE);
  }

  public ImageSpec spec() {
    return new ImageSpec(size, channels);
  }

  /** A fresh network of this shape, without weights. */
  ConvVae network() {
    return new ConvVae(spec(), latent, filters);
  }
}
