package dev.lookalike.training;

import dev.lookalike.generative.Augmenter;
import java.nio.file.Path;

/**
 * Generative augmentation for the denoising autoencoder: every training batch of n images gets
 * round(ratio·n) extra images, VAE variants of randomly chosen images of the batch, drawn at the
 * given temperature around their posteriors. Written {@code vae:<MODEL_DIR>:<ratio>}.
 *
 * @param vae directory of a VAE written by {@code train --variant vae}
 * @param ratio extra variants per real image in a batch, in (0, 4]
 * @param temperature multiple of the posterior's σ the variants are drawn with
 */
public record VariantMixing(Path vae, float ratio, float temperature) {

  public VariantMixing {
    if (vae == null) {
      throw new IllegalArgumentException(
          "--augment needs a VAE directory: vae:<MODEL_DIR>:<ratio>");
    }
    if (!(ratio > 0 && ratio <= 4)) {
      throw new IllegalArgumentException("augment ratio must be in (0, 4], got: " + ratio);
    }
    if (!(temperature >= 0 && temperature <= Augmenter.MAX_TEMPERATURE)) {
      throw new IllegalArgumentException(
          "augment temperature must be in [0, "
              + Augmenter.MAX_TEMPERATURE
              + "], got: "
              + temperature);
    }
  }

  /** Parses {@code vae:<MODEL_DIR>:<ratio>}; the directory may itself contain colons. */
  public static VariantMixing parse(String spec, float temperature) {
    String usage = "--augment must be vae:<MODEL_DIR>:<ratio>, got: " + spec;
    if (spec == null || !spec.startsWith("vae:")) {
      throw new IllegalArgumentException(usage);
    }
    String rest = spec.substring("vae:".length());
    int colon = rest.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(usage);
    }
    float ratio;
    try {
      ratio = Float.parseFloat(rest.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(usage);
    }
    return new VariantMixing(Path.of(rest.substring(0, colon)), ratio, temperature);
  }

  public String spec() {
    return "vae:" + vae + ":" + ratio + " (temperature " + temperature + ")";
  }
}
