package dev.lookalike.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * {@code lookalike.store-originals}: whether the server keeps the bytes of every upload (in {@code
 * INDEX.originals} beside the index directory), so that a reindex encodes uploads from them rather
 * than from their thumbnails. Costs the upload's size on disk per image and one more forced write
 * per upload.
 */
@ConfigMapping(prefix = "lookalike")
public interface OriginalsConfig {

  @WithName("store-originals")
  @WithDefault("false")
  boolean storeOriginals();
}
