package dev.lookalike.config;

import dev.lookalike.image.ImageLimits;
import dev.lookalike.image.Thumbnailer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

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

  /**
   * Pixels (in millions) the server decodes at once, over all uploads: a decode takes its decoded
   * size from this budget and waits for it at most {@link #decodeWait()}, then is refused with 503.
   * The default lets four 50-megapixel pictures decode together (about 1 GB of pixels).
   */
  @WithDefault("200")
  @Positive
  @Max(2_000_000)
  double decodeBudgetMegapixels();

  /** How long an upload waits for its share of the decode budget before a 503. */
  @WithDefault("2s")
  Duration decodeWait();

  /**
   * Decode a large JPEG at 1/2, 1/4 or 1/8 scale when that still covers the model input and the
   * thumbnail (several times faster for photos). Index and serve with the same value: the two
   * decodings give slightly different inputs.
   */
  @WithDefault("true")
  boolean reducedJpegDecoding();

  /** Longest side of the stored thumbnails, in pixels. */
  @WithDefault("" + Thumbnailer.DEFAULT_MAX_SIDE)
  @Min(1)
  @Max(Thumbnailer.LIMIT_MAX_SIDE)
  int thumbnailSize();
}
