package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

  /**
   * The whole-plane passes give the direct per-pixel sum bit for bit: every tap in the same order,
   * the edge pixel repeated beyond each border, on square, wide, tall and one-pixel planes and with
   * kernels wider than the plane.
   */
  @Test
  void theBlurIsTheDirectSumOfEveryPixelsTaps() {
    Random random = new Random(5);
    int[][] sizes = {{28, 28}, {32, 32}, {17, 5}, {5, 17}, {1, 9}, {9, 1}, {3, 3}};
    double[] sigmas = {0.6, 2.0, 2.0 * 32 / 28, 0.3};
    for (int[] size : sizes) {
      float[] plane = new float[size[0] * size[1]];
      for (int i = 0; i < plane.length; i++) {
        plane[i] = random.nextFloat() * 2 - 1;
      }
      for (double sigma : sigmas) {
        assertArrayEquals(
            direct(plane, size[0], size[1], sigma),
            GaussianBlur.blur(plane, size[0], size[1], sigma),
            0f,
            size[0] + "x" + size[1] + ", sigma " + sigma);
      }
    }
  }

  @Test
  void aFlatPlaneStaysFlat() {
    float[] flat = new float[28 * 28];
    java.util.Arrays.fill(flat, 0.25f);
    for (float value : GaussianBlur.blur(flat, 28, 28, 2.0)) {
      assertEquals(0.25f, value, 1e-6f);
    }
  }

  /** Each output pixel summed on its own: rows first, then columns, edge pixels clamped. */
  private static float[] direct(float[] in, int w, int h, double sigma) {
    float[] kernel = GaussianBlur.kernel(sigma);
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

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }
}
