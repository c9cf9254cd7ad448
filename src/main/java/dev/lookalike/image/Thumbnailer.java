package dev.lookalike.image;

import org.opencv.core.Mat;

/**
 * Makes small PNG thumbnails for result lists.
 *
 * <p>Thumbnails keep the aspect ratio (unlike model input, people look at these), fit within {@link
 * #maxSide()} pixels and are never enlarged. Transparency is composited over white so every
 * thumbnail looks the same on any page background. PNG rather than JPEG because thumbnails are tiny
 * and lossless output keeps line art and idx digits crisp.
 *
 * <p>Thread-safe: it holds only its size.
 */
public final class Thumbnailer {

  /** The default longest side of a thumbnail in pixels. */
  public static final int DEFAULT_MAX_SIDE = 96;

  /** The largest {@link #maxSide()} allowed. */
  public static final int LIMIT_MAX_SIDE = 4096;

  private final int maxSide;

  /** A thumbnailer with {@link #DEFAULT_MAX_SIDE}. */
  public Thumbnailer() {
    this(DEFAULT_MAX_SIDE);
  }

  public Thumbnailer(int maxSide) {
    if (maxSide < 1 || maxSide > LIMIT_MAX_SIDE) {
      throw new IllegalArgumentException(
          "thumbnail max side must be between 1 and " + LIMIT_MAX_SIDE + ", got " + maxSide);
    }
    OpenCvLoader.ensureLoaded();
    this.maxSide = maxSide;
  }

  /** The longest side a thumbnail may have. */
  public int maxSide() {
    return maxSide;
  }

  /**
   * A PNG of an 8-bit grey, BGR or BGRA mat, which is left untouched and still belongs to the
   * caller. Grey pictures give grey PNGs.
   */
  public byte[] png(Mat image) {
    Mats.checkDecoded(image);
    Mat flat = Mats.flattenOverWhite(image);
    Mat resized = null;
    try {
      int width = flat.cols();
      int height = flat.rows();
      int longSide = Math.max(width, height);
      if (longSide <= maxSide) {
        return Mats.encodePng(flat);
      }
      double scale = (double) maxSide / longSide;
      int thumbWidth = Math.max(1, Math.min(maxSide, (int) Math.round(width * scale)));
      int thumbHeight = Math.max(1, Math.min(maxSide, (int) Math.round(height * scale)));
      resized = Mats.resize(flat, thumbWidth, thumbHeight);
      return Mats.encodePng(resized);
    } finally {
      Mats.release(resized);
      if (flat != image) {
        flat.release();
      }
    }
  }

  /** A PNG of a planar float picture (grey or R, G, B), values clamped to [0,1]. */
  public byte[] pngFromFloatImage(FloatImage image) {
    if (image == null) {
      throw new IllegalArgumentException("image must not be null");
    }
    Mat mat = Mats.fromFloatImage(image);
    try {
      return png(mat);
    } finally {
      mat.release();
    }
  }
}
