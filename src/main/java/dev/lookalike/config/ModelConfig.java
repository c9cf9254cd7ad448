package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** The model that turns images into codes, under {@code lookalike.model.*}. */
@ConfigMapping(prefix = "lookalike.model")
public interface ModelConfig {

  /** A model directory made by {@code train}; when absent the shipped model is used. */
  Optional<Path> dir();
}
