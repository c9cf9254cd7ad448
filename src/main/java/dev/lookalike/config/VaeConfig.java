package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The generative model (VAE) behind augmentation, interpolation and sampling, under {@code
 * lookalike.vae.*}.
 */
@ConfigMapping(prefix = "lookalike.vae")
public interface VaeConfig {

  /** False turns augmentation, interpolation and sampling off (they answer 503). */
  @WithDefault("true")
  boolean enabled();

  /** A VAE directory made by {@code train --variant vae}; when absent the shipped VAE, if any. */
  Optional<Path> dir();
}
