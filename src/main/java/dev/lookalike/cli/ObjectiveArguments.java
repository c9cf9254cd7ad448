package dev.lookalike.cli;

import dev.lookalike.training.ObjectiveOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code train}'s DAE learns besides reconstruction: its regularisers, views and extra data.
 */
final class ObjectiveArguments {

  @Option(
      names = "--bit-balance",
      defaultValue = "0",
      description =
          "Weight of the bit balance + decorrelation term of a binary code layer (0 = off).")
  float bitBalance;

  @Option(
      names = "--sparse",
      description = "Sparse autoencoder: l1:λ (L1 on the code) or kl:ρ:β (KL to activation ρ).")
  String sparse;

  @Option(
      names = "--contractive",
      defaultValue = "0",
      description =
          "Contractive autoencoder: weight λ of the encoder Jacobian's squared Frobenius norm (0 = off).")
  float contractive;

  @Option(
      names = "--invariance",
      defaultValue = "0",
      description =
          "Weight of the invariance term: an image and a shifted/flipped view get the same code (0 = off).")
  float invariance;

  @Option(
      names = "--contrastive",
      defaultValue = "1:0.2",
      description =
          "λ[:τ]: contrastive (NT-Xent) invariance between an image and a random view of it, "
              + "the batch as negatives; τ defaults to 0.2; none = off (default: ${DEFAULT-VALUE}).")
  String contrastive;

  @Option(
      names = "--neighbour-positives",
      description =
          "λ[:support]: NNCLR-style positives, each image's nearest code among the last support "
              + "(default 8192) training images against its view; off unless given.")
  String neighbourPositives;

  @Option(
      names = "--over-clustering",
      description =
          "Experimental, λ[:k]: each view classified into the spherical k-means cluster (k defaults"
              + " to 40) of its image among recent codes, confident assignments only; off unless"
              + " given.")
  String overClustering;

  @Mixin ViewOptions views;

  @Option(
      names = "--augment",
      description = "vae:<MODEL_DIR>:<ratio>: mix ratio·batch VAE variants into each batch.")
  String augment;

  @Option(
      names = "--augment-temperature",
      defaultValue = "1.0",
      description = "Temperature of the VAE variants of --augment (multiple of the posterior σ).")
  float augmentTemperature;

  ObjectiveOptions options() {
    return new ObjectiveOptions(
        sparse,
        contractive,
        invariance,
        contrastive,
        neighbourPositives,
        overClustering,
        bitBalance,
        views.settings(),
        augment,
        augmentTemperature);
  }
}
