package dev.lookalike.image;

import java.util.Arrays;

/**
 * Gaussian blur of one row-major plane of floats: the copy check's detail planes and the training
 * views' blur share it.
 */
public final class GaussianBlur {

  private GaussianBlur() {}

  /**
   * A separable Gaussian blur; beyond the border the edge pixel repeats. Each pass pads the whole
   * plane with edge copies once and then adds one kernel tap at a time over the whole padded plane:
   * a search blurs up to 60 candidates, and a loop over a whole 28×28 plane fills vector lanes
   * where one over a 28-pixel row hardly did. Every pixel still sums its taps in the same order, so
   * the result is the direct per-pixel sum's, bit for bit ({@code GaussianBlurTest}).
   */
  public static float[] blur(float[] in, int w, int h, double sigma) {
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
      VectorLanes.addScaled(rows, padded, k, kernel[k], rows.length);
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
      VectorLanes.addScaled(out, columns, k * w, kernel[k], out.length);
    }
    return out;
  }

  /** The Gaussian's taps, {@code 2 * ceil(3σ) + 1} of them (at least 3), summing to 1. */
  public static float[] kernel(double sigma) {
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
