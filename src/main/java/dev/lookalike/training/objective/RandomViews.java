package dev.lookalike.training.objective;

import ai.djl.ndarray.NDArray;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Random label-preserving views of a batch for the invariance terms: each image is shifted by up to
 * {@code maxShift} pixels in each direction, zoomed by a factor drawn from [1 − zoom, 1 + zoom]
 * about its centre (bilinear), and, if {@code flip}, mirrored left-right with probability ½
 * (garments are roughly symmetric). Pixels brought in from outside are 0, the background of
 * Fashion-MNIST. Done on the host: a batch is small and per-image warps are awkward as tensor ops.
 */
public final class RandomViews implements UnaryOperator<NDArray> {

  private final int maxShift;
  private final float zoom;
  private final boolean flip;
  private final Random random;

  public RandomViews(int maxShift, float zoom, boolean flip, Random random) {
    if (maxShift < 0 || maxShift > 64) {
      throw new IllegalArgumentException("shift must be in [0, 64], got: " + maxShift);
    }
    if (!(zoom >= 0 && zoom < 1)) {
      throw new IllegalArgumentException("zoom must be in [0, 1), got: " + zoom);
    }
    this.maxShift = maxShift;
    this.zoom = zoom;
    this.flip = flip;
    this.random = random;
  }

  @Override
  public NDArray apply(NDArray batch) {
    long[] s = batch.getShape().getShape();
    int n = (int) s[0];
    int planes = (int) s[1];
    int h = (int) s[2];
    int w = (int) s[3];
    float[] in = batch.toFloatArray();
    float[] out = new float[in.length];
    float cx = (w - 1) / 2f;
    float cy = (h - 1) / 2f;
    for (int i = 0; i < n; i++) {
      int dx = random.nextInt(2 * maxShift + 1) - maxShift;
      int dy = random.nextInt(2 * maxShift + 1) - maxShift;
      float scale = zoom == 0 ? 1f : 1f + zoom * (2 * random.nextFloat() - 1);
      boolean mirror = flip && random.nextBoolean();
      for (int c = 0; c < planes; c++) {
        int plane = (i * planes + c) * h * w;
        for (int y = 0; y < h; y++) {
          float sy = cy + (y - dy - cy) / scale;
          for (int x = 0; x < w; x++) {
            float sx = cx + (x - dx - cx) / scale;
            if (mirror) {
              sx = w - 1 - sx;
            }
            out[plane + y * w + x] = bilinear(in, plane, w, h, sx, sy);
          }
        }
      }
    }
    return batch.getManager().create(out, batch.getShape());
  }

  /** The plane's value at (x, y), 0 outside; exact at integer positions. */
  private static float bilinear(float[] pixels, int plane, int w, int h, float x, float y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    float fx = x - x0;
    float fy = y - y0;
    return (1 - fx) * (1 - fy) * at(pixels, plane, w, h, x0, y0)
        + fx * (1 - fy) * at(pixels, plane, w, h, x0 + 1, y0)
        + (1 - fx) * fy * at(pixels, plane, w, h, x0, y0 + 1)
        + fx * fy * at(pixels, plane, w, h, x0 + 1, y0 + 1);
  }

  private static float at(float[] pixels, int plane, int w, int h, int x, int y) {
    return x < 0 || y < 0 || x >= w || y >= h ? 0f : pixels[plane + y * w + x];
  }
}
