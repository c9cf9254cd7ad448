package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Write protection of the REST API. Its one property keeps its published name, {@code
 * lookalike.api-key} (env {@code LOOKALIKE_API_KEY}), hence the bare prefix.
 */
@ConfigMapping(prefix = "lookalike")
public interface ApiConfig {

  /**
   * When set, adding and deleting images require this key in the {@code X-Api-Key} header;
   * searching stays open.
   */
  Optional<String> apiKey();
}
