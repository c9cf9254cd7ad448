package dev.lookalike.copies;

import dev.lookalike.image.FloatImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Families of near twins, the hard case for finding a copy's original: each family shares a shape
 * (a few soft blobs on a dark ground, like a garment on Fashion-MNIST's background) and its members
 * differ only in their fine texture, as two photographs of the same product do.
 */
final class NearTwins {

  static final int SIZE = 28;

  private NearTwins() {}

  /** {@code families × members} grey images, family by family. */
  static List<FloatImage> of(int families, int members, long seed) {
    Random random = new Random(seed);
    List<FloatImage> images = new ArrayList<>();
    for (int f = 0; f < families; f++) {
      float[] shape = shape(random);
      for (int m = 0; m < members; m++) {
        float[] texture = texture(random);
        float[] pixels = new float[SIZE * SIZE];
        for (int i = 0; i < pixels.length; i++) {
          pixels[i] = Math.max(0, Math.min(1, shape[i] * (0.8f + texture[i])));
        }
        images.add(new FloatImage(SIZE, SIZE, 1, pixels));
      }
    }
    return images;
  }

  private static float[] shape(Random random) {
    float[] shape = new float[SIZE * SIZE];
    for (int blob = 0; blob < 4; blob++) {
      double cx = 6 + random.nextDouble() * 16;
      double cy = 6 + random.nextDouble() * 16;
      double radius = 3 + random.nextDouble() * 5;
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
          shape[y * SIZE + x] += (float) (0.6 * Math.exp(-d2 / (2 * radius * radius)));
        }
      }
    }
    return shape;
  }

  /** Texture at a scale of two to three pixels, ±0.2. */
  private static float[] texture(Random random) {
    int cells = SIZE / 3 + 1;
    float[] grid = new float[cells * cells];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = (float) (random.nextDouble() * 0.4 - 0.2);
    }
    float[] texture = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double gx = x / 3.0;
        double gy = y / 3.0;
        int x0 = Math.min(cells - 2, (int) gx);
        int y0 = Math.min(cells - 2, (int) gy);
        double fx = gx - x0;
        double fy = gy - y0;
        texture[y * SIZE + x] =
            (float)
                ((grid[y0 * cells + x0] * (1 - fx) + grid[y0 * cells + x0 + 1] * fx) * (1 - fy)
                    + (grid[(y0 + 1) * cells + x0] * (1 - fx)
                            + grid[(y0 + 1) * cells + x0 + 1] * fx)
                        * fy);
      }
    }
    return texture;
  }
}
