package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * The bundled sample collection that a server starting on an empty index adds, under {@code
 * lookalike.sample.*}.
 */
@ConfigMapping(prefix = "lookalike.sample")
public interface SampleConfig {

  /** False leaves an empty index empty. */
  @WithDefault("true")
  boolean enabled();

  /** How many of the bundled 10,000 Fashion-MNIST test images to index. */
  @WithDefault("10000")
  @Min(1)
  int limit();
}
