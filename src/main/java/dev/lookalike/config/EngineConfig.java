package dev.lookalike.config;

import dev.lookalike.index.IndexEngine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which engine holds the index, {@code lookalike.engine}: embedded or opensearch. */
@ConfigMapping(prefix = "lookalike")
public interface EngineConfig {

  /** embedded (Lucene under lookalike.index.dir) or opensearch (lookalike.opensearch.*). */
  @WithDefault("embedded")
  IndexEngine engine();
}
