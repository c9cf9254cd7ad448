package dev.lookalike.image;

import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * A picture's coarse grey layout, {@link #SIDE} × {@link #SIDE} bytes, kept with each indexed image
 * so that a search can look for an edited copy's original among hundreds of the dense code's
 * nearest images at a few microseconds each, where decoding each thumbnail would cost tens. Blurred
 * before it is sampled, it keeps what a copy's edits leave alone (where light and dark lie) and
 * drops what they change (JPEG blocks, the softness of a resize, the finest texture).
 */
public final class CopySketch {

  /** Cells per side: on the validation split 14 found originals that 7 missed (see BENCHMARKS). */
  public static final int SIDE = 14;

  /** The blur's standard deviation as a fraction of the width: 1.5 px at 28 px. */
  private static final double SIGMA_PER_WIDTH = 1.5 / 28;

  private CopySketch() {}

  /** The sketch of a picture of any size (the model's input, or a decoded thumbnail). */
  public static byte[] of(FloatImage image) {
    float[] plane = blurredGrey(image);
    int w = image.width();
    int h = image.height();
    byte[] sketch = new byte[SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      double sy = (y + 0.5) * h / SIDE - 0.5;
      for (int x = 0; x < SIDE; x++) {
        double sx = (x + 0.5) * w / SIDE - 0.5;
        float v = sample(plane, w, h, sx, sy);
        sketch[y * SIDE + x] = (byte) Math.clamp(Math.round(v * 255f), 0, 255);
      }
    }
    return sketch;
  }

  /**
   * The sketch of a stored thumbnail (any format the decoder reads; transparency over white); empty
   * when there is none or it is damaged, which only keeps that image's sketch out of searches.
   */
  public static Optional<byte[]> ofThumbnail(byte[] encoded) {
    if (encoded == null || encoded.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(ofDecoded(new ImageDecoder(ImageLimits.defaults()).decode(encoded)));
    } catch (InvalidImageException e) {
      return Optional.empty();
    }
  }

  /** Consumes {@code decoded}. */
  private static byte[] ofDecoded(Mat decoded) {
    Mat flat = Mats.flattenOverWhite(decoded);
    Mat grey = new Mat();
    try {
      if (flat.channels() == 1) {
        return of(Mats.toFloatImage(flat));
      }
      Imgproc.cvtColor(flat, grey, Imgproc.COLOR_BGR2GRAY);
      return of(Mats.toFloatImage(grey));
    } finally {
      Mats.release(grey);
      if (flat != decoded) {
        Mats.release(flat);
      }
      Mats.release(decoded);
    }
  }

  /** The sketch's cells as floats in [0, 1], row by row. */
  public static float[] values(byte[] sketch) {
    if (sketch.length != SIDE * SIDE) {
      throw new IllegalArgumentException(
          "a copy sketch has " + SIDE * SIDE + " cells, got " + sketch.length);
    }
    float[] values = new float[sketch.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (sketch[i] & 0xFF) / 255f;
    }
    return values;
  }

  /**
   * The picture in grey (R, G and B weighted as OpenCV's own conversion weighs them, so that a
   * colour query and a thumbnail decoded to grey agree), blurred relative to its width.
   */
  public static float[] blurredGrey(FloatImage image) {
    int plane = image.width() * image.height();
    float[] pixels = image.pixels();
    float[] grey;
    if (image.channels() == 1) {
      grey = pixels.clone();
    } else {
      grey = new float[plane];
      for (int i = 0; i < plane; i++) {
        grey[i] = 0.299f * pixels[i] + 0.587f * pixels[plane + i] + 0.114f * pixels[2 * plane + i];
      }
    }
    return GaussianBlur.blur(grey, image.width(), image.height(), SIGMA_PER_WIDTH * image.width());
  }

  /** Bilinear sample of a row-major plane; beyond the border the edge repeats. */
  public static float sample(float[] plane, int w, int h, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    float fx = (float) (x - x0);
    float fy = (float) (y - y0);
    int xa = Math.clamp(x0, 0, w - 1);
    int xb = Math.clamp(x0 + 1, 0, w - 1);
    int ya = Math.clamp(y0, 0, h - 1) * w;
    int yb = Math.clamp(y0 + 1, 0, h - 1) * w;
    float top = plane[ya + xa] + fx * (plane[ya + xb] - plane[ya + xa]);
    float bottom = plane[yb + xa] + fx * (plane[yb + xb] - plane[yb + xa]);
    return top + fy * (bottom - top);
  }
}
