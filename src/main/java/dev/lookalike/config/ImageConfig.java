package dev.lookalike.config;

import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.Thumbnailer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * Limits on input images and the stored thumbnails, under {@code lookalike.image.*}. The defaults
 * are {@link ImageLimits}' and {@link Thumbnailer}'s.
 */
@ConfigMapping(prefix = "lookalike.image")
public interface ImageConfig {

  /** Largest accepted upload, in bytes. */
  @WithDefault("" + ImageLimits.DEFAULT_MAX_BYTES)
  @Min(1)
  long maxBytes();

  /** Largest accepted declared image size, checked before decoding (decompression bombs). */
  @WithDefault("" + ImageLimits.DEFAULT_MAX_MEGAPIXELS)
  @Positive
  double maxMegapixels();

  /** Longest side of the stored thumbnails, in pixels. */
  @WithDefault("" + Thumbnailer.DEFAULT_MAX_SIDE)
  @Min(1)
  @Max(Thumbnailer.LIMIT_MAX_SIDE)
  int thumbnailSize();
}
