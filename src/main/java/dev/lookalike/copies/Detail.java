package dev.lookalike.copies;

import dev.lookalike.image.FloatImage;

/**
 * The fine detail of a picture: its grey level minus a Gaussian blur of it. What tells an image
 * from its near twins in a collection is in the detail (a print, a seam, a fold); the blur that is
 * taken away also holds what an edit shifts wholesale (brightness, a gradient of light), which the
 * correlation would otherwise have to explain.
 */
final class Detail {

  /** The blur's standard deviation as a fraction of the image width: 2 px at 28 px. */
  private static final double SIGMA_PER_WIDTH = 2.0 / 28;

  private Detail() {}

  /** Row-major {@code height × width} detail of {@code image} (channels averaged to grey). */
  static float[] of(FloatImage image) {
    int w = image.width();
    int h = image.height();
    float[] grey = grey(image);
    float[] blurred = blur(grey, w, h, SIGMA_PER_WIDTH * w);
    for (int i = 0; i < grey.length; i++) {
      grey[i] -= blurred[i];
    }
    return grey;
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

  /** A separable Gaussian blur; beyond the border the edge pixel repeats. */
  private static float[] blur(float[] in, int w, int h, double sigma) {
    float[] kernel = kernel(sigma);
    int radius = kernel.length / 2;
    float[] rows = new float[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
          sum += kernel[k + radius] * in[y * w + clamp(x + k, w)];
        }
        rows[y * w + x] = sum;
      }
    }
    float[] out = new float[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
          sum += kernel[k + radius] * rows[clamp(y + k, h) * w + x];
        }
        out[y * w + x] = sum;
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
