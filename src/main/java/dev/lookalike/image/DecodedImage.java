package dev.lookalike.image;

import org.opencv.core.Mat;

/**
 * A decoded picture and what is known about where it came from; closing it releases the pixels.
 *
 * <p>Not a record because it owns native memory: use it in try-with-resources so the pixels are
 * freed as soon as the caller is done rather than when the garbage collector gets round to it.
 */
public final class DecodedImage implements AutoCloseable {

  private final Mat mat;
  private final ImageFormat format;
  private final int originalWidth;
  private final int originalHeight;
  private final int reduction;
  private final DecodeBudget.Permit permit;

  DecodedImage(
      Mat mat,
      ImageFormat format,
      int originalWidth,
      int originalHeight,
      int reduction,
      DecodeBudget.Permit permit) {
    this.mat = mat;
    this.permit = permit;
    this.format = format;
    this.originalWidth = originalWidth;
    this.originalHeight = originalHeight;
    this.reduction = reduction;
  }

  /** The pixels: 8-bit grey, BGR or BGRA. Owned by this object; do not release it yourself. */
  public Mat mat() {
    return mat;
  }

  /** The sniffed format. */
  public ImageFormat format() {
    return format;
  }

  /** The width of the full-size picture, after any EXIF rotation, even when decoded reduced. */
  public int originalWidth() {
    return originalWidth;
  }

  /** The height of the full-size picture, after any EXIF rotation, even when decoded reduced. */
  public int originalHeight() {
    return originalHeight;
  }

  /** 1 for full size, else the 2, 4 or 8 the picture was shrunk by while decoding. */
  public int reduction() {
    return reduction;
  }

  /** Releases the pixels and their share of the decode budget; safe to call more than once. */
  @Override
  public void close() {
    mat.release();
    permit.close();
  }
}
