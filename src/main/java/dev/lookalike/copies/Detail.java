package dev.lookalike.copies;

import dev.lookalike.image.FloatImage;
import java.util.Arrays;

/**
 * The fine detail of a picture: its grey level slightly blurred, minus a wider Gaussian blur of it
 * (a difference of Gaussians). What tells an image from its near twins in a collection is in the
 * detail (a print, a seam, a fold); the wide blur that is taken away also holds what an edit shifts
 * wholesale (brightness, a gradient of light), which the correlation would otherwise have to
 * explain. The slight blur drops the finest pixel-level texture, which a copy shared at a smaller
 * size or recompressed has lost anyway: matching it only added noise to the original's score.
 */
final class Detail {

  /** The wide blur's standard deviation as a fraction of the image width: 2 px at 28 px. */
  private static final double SIGMA_PER_WIDTH = 2.0 / 28;

  /**
   * The slight blur's, 0.6 px at 28 px: on edited copies of the validation split (20,000 images,
   * 1,500 copies, two seeds) it put the original first for 1.3 and 1.7 % more copies than no slight
   * blur; 1.2 px gained less.
   */
  private static final double FINE_SIGMA_PER_WIDTH = 0.6 / 28;

  private Detail() {}

  /** Row-major {@code height × width} detail of {@code image} (channels averaged to grey). */
  static float[] of(FloatImage image) {
    int w = image.width();
    int h = image.height();
    float[] grey = grey(image);
    float[] fine = blur(grey, w, h, FINE_SIGMA_PER_WIDTH * w);
    float[] blurred = blur(grey, w, h, SIGMA_PER_WIDTH * w);
    for (int i = 0; i < fine.length; i++) {
      fine[i] -= blurred[i];
    }
    return fine;
  }

  private static float[] grey(FloatImage image) {
    int plane = image.width() * image.height();
    float[] pixels = image.pixels();
    float[] grey = new float[plane];
    for (int c = 0; c < image.channels(); c++) {
      for (int i = 0; i < plane; i++) {
        grey[i] += pixels[c * plane + i];
      }
    }
    float scale = 1f / image.channels();
    for (int i = 0; i < plane; i++) {
      grey[i] *= scale;
    }
    return grey;
  }

  /**
   * A separable Gaussian blur; beyond the border the edge pixel repeats. Each pass pads the whole
   * plane with edge copies once and then adds one kernel tap at a time over the whole padded plane:
   * a search blurs up to 60 candidates, and loops over whole 28×28 planes vectorise where loops
   * over 28-pixel rows hardly did. Every pixel still sums its taps in the same order, so the result
   * is the direct per-pixel sum's, bit for bit ({@code DetailTest}).
   */
  static float[] blur(float[] in, int w, int h, double sigma) {
    float[] kernel = kernel(sigma);
    int radius = kernel.length / 2;
    // Rows: each padded with its edge pixel `radius` times either side; the plane gets 2 * radius
    // spare values at its end so the last row's taps stay inside it.
    int stride = w + 2 * radius;
    float[] padded = new float[h * stride + 2 * radius];
    for (int y = 0; y < h; y++) {
      int from = y * w;
      int to = y * stride;
      Arrays.fill(padded, to, to + radius, in[from]);
      System.arraycopy(in, from, padded, to + radius, w);
      Arrays.fill(padded, to + radius + w, to + stride, in[from + w - 1]);
    }
    float[] rows = new float[h * stride];
    for (int k = 0; k < kernel.length; k++) {
      float tap = kernel[k];
      for (int j = 0; j < rows.length; j++) {
        rows[j] += tap * padded[j + k];
      }
    }
    // Columns: the row-blurred plane (its padding dropped) between `radius` copies of its first
    // and last rows.
    float[] columns = new float[(h + 2 * radius) * w];
    for (int y = 0; y < h + 2 * radius; y++) {
      int source = Math.min(h - 1, Math.max(0, y - radius)) * stride;
      System.arraycopy(rows, source, columns, y * w, w);
    }
    float[] out = new float[in.length];
    for (int k = 0; k < kernel.length; k++) {
      float tap = kernel[k];
      int offset = k * w;
      for (int i = 0; i < out.length; i++) {
        out[i] += tap * columns[i + offset];
      }
    }
    return out;
  }

  /** The Gaussian's taps, {@code 2 * ceil(3σ) + 1} of them (at least 3), summing to 1. */
  static float[] kernel(double sigma) {
    int radius = Math.max(1, (int) Math.ceil(3 * sigma));
    float[] kernel = new float[2 * radius + 1];
    double total = 0;
    for (int k = -radius; k <= radius; k++) {
      total += Math.exp(-k * k / (2 * sigma * sigma));
    }
    for (int k = -radius; k <= radius; k++) {
      kernel[k + radius] = (float) (Math.exp(-k * k / (2 * sigma * sigma)) / total);
    }
    return kernel;
  }
}
