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
   * A separable Gaussian blur; beyond the border the edge pixel repeats. Each pass adds one kernel
   * tap at a time over a whole row, so the inner loops run over contiguous pixels without bounds
   * tests (the row pass reads a copy of the row padded with its edge pixels); every pixel still
   * sums its taps in the same order.
   */
  private static float[] blur(float[] in, int w, int h, double sigma) {
    float[] kernel = kernel(sigma);
    int radius = kernel.length / 2;
    float[] rows = new float[in.length];
    float[] padded = new float[w + 2 * radius];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      Arrays.fill(padded, 0, radius, in[row]);
      System.arraycopy(in, row, padded, radius, w);
      Arrays.fill(padded, radius + w, padded.length, in[row + w - 1]);
      for (int k = 0; k < kernel.length; k++) {
        float tap = kernel[k];
        for (int x = 0; x < w; x++) {
          rows[row + x] += tap * padded[x + k];
        }
      }
    }
    float[] out = new float[in.length];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int k = -radius; k <= radius; k++) {
        float tap = kernel[k + radius];
        int source = clamp(y + k, h) * w;
        for (int x = 0; x < w; x++) {
          out[row + x] += tap * rows[source + x];
        }
      }
    }
    return out;
  }

  private static float[] kernel(double sigma) {
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

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }
}
