package dev.lookalike.image;

import java.util.Locale;

/**
 * How large an upload may be, in bytes and in decoded pixels.
 *
 * <p>Both limits matter: a few kilobytes of PNG can declare billions of pixels, so the pixel limit
 * is checked against the header before anything is decoded.
 *
 * @param maxBytes the largest accepted upload in bytes, at least 1
 * @param maxMegapixels the largest accepted {@code width * height / 1e6}, above 0
 */
public record ImageLimits(long maxBytes, double maxMegapixels) {

  /** 20 MiB. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  /** 50 million pixels. */
  public static final double DEFAULT_MAX_MEGAPIXELS = 50.0;

  public ImageLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
    }
    if (!(maxMegapixels > 0) || Double.isInfinite(maxMegapixels)) {
      throw new IllegalArgumentException(
          "maxMegapixels must be a positive finite number, got " + maxMegapixels);
    }
  }

  /** 20 MiB and 50 megapixels: room for any camera photo, not for a bomb. */
  public static ImageLimits defaults() {
    return new ImageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_MEGAPIXELS);
  }

  /** Refuses a byte count above {@link #maxBytes()}. */
  void checkBytes(long length) {
    if (length > maxBytes) {
      throw new InvalidImageException(
          InvalidImageException.Reason.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "the image file is %d bytes (%.1f MB); the limit is %d bytes (%.1f MB)",
              length,
              length / 1048576.0,
              maxBytes,
              maxBytes / 1048576.0));
    }
  }

  /** Refuses a picture with more than {@link #maxMegapixels()}. */
  void checkPixels(long width, long height) {
    double megapixels = width * height / 1e6;
    if (megapixels > maxMegapixels) {
      throw new InvalidImageException(
          InvalidImageException.Reason.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "the image is %dx%d = %.1f megapixels; the limit is %.1f",
              width,
              height,
              megapixels,
              maxMegapixels));
    }
  }
}
