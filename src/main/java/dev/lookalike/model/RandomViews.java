package dev.lookalike.model;

import ai.djl.ndarray.NDArray;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Random label-preserving views of a batch for the invariance term: each image is shifted by up
 * to {@code maxShift} pixels in each direction (the border filled with 0, the background of
 * Fashion-MNIST) and, if {@code flip}, mirrored left-right with probability ½ (garments are
 * roughly symmetric). Done on the host: a batch is small and per-image shifts are awkward as
 * tensor ops.
 */
final class RandomViews implements UnaryOperator<NDArray> {

  private final int maxShift;
  private final boolean flip;
  private final Random random;

  RandomViews(int maxShift, boolean flip, Random random) {
    if (maxShift < 0 || maxShift > 64) {
      throw new IllegalArgumentException("shift must be in [0, 64], got: " + maxShift);
    }
    this.maxShift = maxShift;
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
    for (int i = 0; i < n; i++) {
      int dx = random.nextInt(2 * maxShift + 1) - maxShift;
      int dy = random.nextInt(2 * maxShift + 1) - maxShift;
      boolean mirror = flip && random.nextBoolean();
      for (int c = 0; c < planes; c++) {
        int plane = (i * planes + c) * h * w;
        for (int y = 0; y < h; y++) {
          int sy = y - dy;
          if (sy < 0 || sy >= h) {
            continue;
          }
          for (int x = 0; x < w; x++) {
            int sx = mirror ? w - 1 - (x - dx) : x - dx;
            if (sx >= 0 && sx < w) {
              out[plane + y * w + x] = in[plane + sy * w + sx];
            }
          }
        }
      }
    }
    return batch.getManager().create(out, batch.getShape());
  }
}
